package org.promptcensus.flink;

import java.util.ArrayList;
import java.util.List;
import org.promptcensus.core.mix.MixAggregator;
import org.promptcensus.core.mix.MixRow;
import org.promptcensus.core.mix.Weighting;

/** The notes {@code census mix} prints beside a mix (records without tokens or users, suppressed cells). Stateless. */
final class MixNotes {
    private MixNotes() {
    }

    static List<String> of(MixAggregator mix, List<MixRow> rows) {
        List<String> notes = new ArrayList<>();
        if (mix.recordsWithoutTokens() > 0 && mix.spec().weighting() == Weighting.TOKENS) {
            notes.add(String.format("%,d records have no token counts and weigh nothing in token shares (use --weight requests)",
                    mix.recordsWithoutTokens()));
        }
        if (mix.recordsWithoutUser() > 0 && mix.spec().privacyK() > 0) {
            notes.add(String.format("%,d records have no user id and do not count towards the privacy floor", mix.recordsWithoutUser()));
        }
        long suppressed = rows.stream().filter(MixRow::suppressed).count();
        if (suppressed > 0) {
            notes.add(String.format("%,d cells suppressed: fewer than %d distinct users (--privacy-k)", suppressed, mix.spec().privacyK()));
        }
        return notes;
    }
}
