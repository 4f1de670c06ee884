package org.promptcensus.core.report;

import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.promptcensus.api.ModelInfo;
import org.promptcensus.api.Request;
import org.promptcensus.api.Tag;
import org.promptcensus.api.TagSet;
import org.promptcensus.api.TaggedRequest;
import org.promptcensus.api.Usage;
import org.promptcensus.core.mix.MixRecord;

/** Records and markup helpers for report tests. */
final class ReportFixtures {
    static final ModelInfo OPEN = new ModelInfo("open-m", "Open M", "acme", ModelInfo.Weights.OPEN, "China", 70.0, 70.0,
            ModelInfo.Size.LARGE, false, null);
    static final ModelInfo CLOSED = new ModelInfo("closed-m", "Closed M", "bigco", ModelInfo.Weights.CLOSED, "US", null, null,
            ModelInfo.Size.UNKNOWN, true, null);

    private ReportFixtures() {
    }

    static MixRecord record(ModelInfo model, String user, String created, long prompt, long completion, String category) {
        Request r = Request.builder("r").model(model.id()).user(user).created(created == null ? null : Instant.parse(created))
                .usage(new Usage(prompt, completion, null, null)).build();
        return new MixRecord(new TaggedRequest(r, "en", List.of(new TagSet("usecase", List.of(Tag.of(category, 0.9)))), List.of()),
                model);
    }

    /** @return the markup of the first {@code <svg data-chart="name">} */
    static String svg(String page, String chart) {
        Matcher m = Pattern.compile("<svg[^>]*data-chart=\"" + Pattern.quote(chart) + "\"[^>]*>.*?</svg>", Pattern.DOTALL).matcher(page);
        if (!m.find()) {
            throw new AssertionError("no svg data-chart=" + chart);
        }
        return m.group();
    }

    static int count(String markup, String regex) {
        Matcher m = Pattern.compile(regex).matcher(markup);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
