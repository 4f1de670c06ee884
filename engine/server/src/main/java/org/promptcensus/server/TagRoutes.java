package org.promptcensus.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.promptcensus.api.CensusException;
import org.promptcensus.api.Request;
import org.promptcensus.api.TaggedRequest;
import org.promptcensus.core.Engine;

/**
 * The tagging endpoints. {@code POST /v1/tag}: one request in, its tags out. {@code POST
 * /v1/tag/batch}: a JSON array or NDJSON in, NDJSON out in input order (a bad record gets an error
 * line in its place). {@code POST /v1/events}: completed-request records, tagged and added to the
 * running mix, answered 202 with the count accepted. Bodies are read and parsed before a tagging
 * slot is taken; a request (a whole batch) holds one slot while it is tagged.
 *
 * <p>Thread-safe: stateless apart from the thread-safe collaborators.
 */
final class TagRoutes {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Readiness readiness;
    private final BodyReader bodies;
    private final RequestReader reader;
    private final Admission admission;
    private final Metrics metrics;
    private final RunningMix mix;
    private final Duration timeout;

    TagRoutes(Readiness readiness, BodyReader bodies, RequestReader reader, Admission admission, Metrics metrics, RunningMix mix,
              Duration timeout) {
        this.readiness = readiness;
        this.bodies = bodies;
        this.reader = reader;
        this.admission = admission;
        this.metrics = metrics;
        this.mix = mix;
        this.timeout = timeout;
    }

    /** @param app the app to add the routes to */
    void install(Javalin app) {
        app.post("/v1/tag", this::tag);
        app.post("/v1/tag/batch", this::batch);
        app.post("/v1/events", this::events);
    }

    void tag(Context ctx) {
        Deadline deadline = Deadline.after(System.nanoTime(), timeout);
        boolean explain = flag(ctx, "explain");
        Engine engine = readiness.engine();
        Request request = reader.one(bodies.read(ctx), "1");
        TaggedRequest tagged;
        try (Admission.Permit p = admission.enter(deadline.atNanos())) {
            deadline.check();
            tagged = timedTag(engine, request, explain);
        }
        metrics.tagged(tagged);
        ctx.contentType("application/json").result(new TaggedJson(explain).tagged(tagged).bytes());
    }

    void batch(Context ctx) {
        Deadline deadline = Deadline.after(System.nanoTime(), timeout);
        boolean explain = flag(ctx, "explain");
        Engine engine = readiness.engine();
        List<RequestReader.Item> items = reader.many(bodies.read(ctx));
        TaggedJson out = new TaggedJson(explain);
        try (Admission.Permit p = admission.enter(deadline.atNanos())) {
            for (RequestReader.Item item : items) {
                deadline.check();
                ApiException error = item.error();
                if (error == null) {
                    try {
                        TaggedRequest t = timedTag(engine, item.request(), explain);
                        metrics.tagged(t);
                        out.tagged(t);
                    } catch (CensusException e) {
                        error = recordError(item.index(), e);
                    }
                }
                if (error != null) {
                    metrics.error(error.code());
                    out.error(item.index(), error);
                }
            }
        }
        ctx.contentType("application/x-ndjson").result(out.bytes());
    }

    void events(Context ctx) {
        Deadline deadline = Deadline.after(System.nanoTime(), timeout);
        Engine engine = readiness.engine();
        List<RequestReader.Item> items = reader.many(bodies.read(ctx));
        List<TaggedRequest> tagged = new ArrayList<>(items.size());
        List<RequestReader.Item> rejected = new ArrayList<>();
        try (Admission.Permit p = admission.enter(deadline.atNanos())) {
            for (RequestReader.Item item : items) {
                deadline.check();
                if (item.error() != null) {
                    rejected.add(item);
                    continue;
                }
                try {
                    TaggedRequest t = timedTag(engine, item.request(), false);
                    metrics.tagged(t);
                    tagged.add(t);
                } catch (CensusException e) {
                    rejected.add(new RequestReader.Item(item.index(), null, recordError(item.index(), e)));
                }
            }
        }
        if (tagged.isEmpty() && !rejected.isEmpty()) {
            ApiException first = rejected.get(0).error();
            String prefix = items.size() == 1 ? "" : "no record accepted (" + rejected.size() + " invalid); first: ";
            throw new ApiException(400, first.code(), prefix + first.getMessage(), null);
        }
        mix.add(tagged);
        metrics.aggregated(tagged.size());
        ObjectNode answer = JSON.createObjectNode();
        answer.put("accepted", tagged.size());
        ArrayNode rej = answer.putArray("rejected");
        for (RequestReader.Item r : rejected) {
            metrics.error(r.error().code());
            ObjectNode o = rej.addObject();
            o.put("index", r.index());
            o.putObject("error").put("code", r.error().code()).put("message", r.error().getMessage());
        }
        ctx.status(202).contentType("application/json").result(answer.toString());
    }

    private TaggedRequest timedTag(Engine engine, Request request, boolean explain) {
        long t0 = System.nanoTime();
        try {
            return engine.tag(request, explain);
        } finally {
            metrics.tagTime(System.nanoTime() - t0);
        }
    }

    private static ApiException recordError(int index, CensusException e) {
        ApiException api = ErrorMapping.toApi(e);
        if (api.status() >= 500) {
            throw e;
        }
        return new ApiException(api.status(), api.code(), "record " + (index + 1) + ": " + e.getMessage(), null);
    }

    private static boolean flag(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null || v.equalsIgnoreCase("false") || v.equals("0")) {
            return false;
        }
        if (v.isEmpty() || v.equalsIgnoreCase("true") || v.equals("1")) {
            return true;
        }
        throw ApiException.badRequest("'" + name + "' must be true or false");
    }
}
