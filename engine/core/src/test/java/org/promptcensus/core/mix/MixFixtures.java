package org.promptcensus.core.mix;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.promptcensus.api.ModelInfo;
import org.promptcensus.api.Request;
import org.promptcensus.api.Tag;
import org.promptcensus.api.TagSet;
import org.promptcensus.api.TaggedRequest;
import org.promptcensus.api.Usage;

/** Builds tagged records for aggregation tests. */
final class MixFixtures {
    static final ModelInfo OPEN = new ModelInfo("open-m", "Open M", "acme", ModelInfo.Weights.OPEN, "China", 70.0, 70.0,
            ModelInfo.Size.MEDIUM, false, null);
    static final ModelInfo CLOSED = new ModelInfo("closed-m", "Closed M", "bigco", ModelInfo.Weights.CLOSED, "US", null, null,
            ModelInfo.Size.UNKNOWN, true, null);

    private MixFixtures() {
    }

    static MixRecord record(ModelInfo model, String user, String created, long prompt, long completion, String... tagsAndScores) {
        List<Tag> tags = new ArrayList<>();
        for (int i = 0; i < tagsAndScores.length; i += 2) {
            tags.add(Tag.of(tagsAndScores[i], Double.parseDouble(tagsAndScores[i + 1])));
        }
        Request r = Request.builder("r").model(model.id()).user(user).created(created == null ? null : Instant.parse(created))
                .usage(new Usage(prompt, completion, null, null)).build();
        return new MixRecord(new TaggedRequest(r, "en", List.of(new TagSet("usecase", tags)), List.of()), model);
    }
}
