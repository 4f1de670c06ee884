package org.promptcensus.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.promptcensus.api.CensusException;
import org.promptcensus.api.Category;
import org.promptcensus.core.mix.Dimension;
import org.promptcensus.core.mix.MixAggregator;
import org.promptcensus.core.mix.MixRow;
import org.promptcensus.core.mix.MixWriter;
import org.promptcensus.core.taxonomy.Taxonomy;

/**
 * The read endpoints. {@code GET /v1/mix?by=model&window=24h}: the running mix as JSON rows, the
 * shape of {@code census mix --format json} (with {@code window}, {@code as_of} and
 * {@code records} added), cells under the privacy floor suppressed. {@code GET /v1/taxonomies}:
 * the taxonomies the engine tags with, and their categories.
 *
 * <p>Thread-safe: stateless apart from the thread-safe collaborators.
 */
final class MixRoutes {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Readiness readiness;
    private final RunningMix mix;
    private final int retentionHours;
    private final Clock clock;

    MixRoutes(Readiness readiness, RunningMix mix, int retentionHours, Clock clock) {
        this.readiness = readiness;
        this.mix = mix;
        this.retentionHours = retentionHours;
        this.clock = clock;
    }

    /** @param app the app to add the routes to */
    void install(Javalin app) {
        app.get("/v1/mix", this::mix);
        app.get("/v1/taxonomies", this::taxonomies);
    }

    void mix(Context ctx) {
        Dimension by;
        try {
            by = Dimension.parse(ctx.queryParamAsClass("by", String.class).getOrDefault("model"));
        } catch (CensusException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        Window window = Window.parse(ctx.queryParam("window"), retentionHours);
        MixAggregator m = mix.read(by, window);
        List<MixRow> rows = m.rows();
        ObjectNode body = new MixWriter().json(m.spec(), rows, notes(m, rows));
        ObjectNode out = JSON.createObjectNode();
        out.put("window", window.label());
        out.put("as_of", clock.instant().toString());
        out.put("records", m.records());
        out.setAll(body);
        ctx.contentType("application/json").result(out.toString());
    }

    private static List<String> notes(MixAggregator m, List<MixRow> rows) {
        List<String> notes = new ArrayList<>();
        if (m.recordsWithoutTokens() > 0) {
            notes.add(m.recordsWithoutTokens() + " records have no token counts and weigh nothing in token shares");
        }
        if (m.recordsWithoutUser() > 0 && m.spec().privacyK() > 0) {
            notes.add(m.recordsWithoutUser() + " records have no user id and do not count towards the privacy floor");
        }
        long suppressed = rows.stream().filter(MixRow::suppressed).count();
        if (suppressed > 0) {
            notes.add(suppressed + " cells suppressed: fewer than " + m.spec().privacyK() + " distinct users");
        }
        return notes;
    }

    void taxonomies(Context ctx) {
        ObjectNode out = JSON.createObjectNode();
        ArrayNode list = out.putArray("taxonomies");
        for (Taxonomy t : readiness.engine().taxonomies()) {
            ObjectNode o = list.addObject();
            o.put("id", t.id());
            o.put("version", t.version());
            o.put("description", t.description());
            o.put("fallback", t.fallback());
            ArrayNode cats = o.putArray("categories");
            for (Category c : t.categories()) {
                cats.addObject().put("id", c.id()).put("description", c.description()).put("threshold", c.threshold());
            }
        }
        ctx.contentType("application/json").result(out.toString());
    }
}
