package org.promptcensus.flink;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The job's parameters, parsed strictly: an unknown parameter is an error. See {@link #USAGE}.
 *
 * @param engine how each task builds its engine
 * @param mix the mix to compute
 * @param parallelism the job's parallelism, or 0 for the cluster's default
 * @param batch the batch job's inputs and outputs, or null in streaming mode
 * @param stream the streaming job's topics and policy, or null in batch mode
 */
public record JobOptions(EngineSpec engine, MixSettings mix, int parallelism, BatchOptions batch, StreamOptions stream) {

    /** One paragraph per parameter group. */
    public static final String USAGE = String.join("\n",
            "usage: flink run census-flink.jar --mode batch|stream [parameters]",
            "engine:  --taxonomy ID[,ID] (default usecase)  --taxonomy-dir DIR  --model TAXONOMY=FILE  --plugins-dir DIR",
            "         --field NAME=PATH  --keep-text  --explain",
            "mix:     --by model  --facet category  --weight tokens  --labels primary  --privacy-k 10  --catalog FILE  --period all",
            "batch:   --input PATH (repeatable; files or folders)  --output DIR  --mix-format json|csv",
            "stream:  --bootstrap-servers HOST:PORT  --input-topic T  --output-topic T  --mix-topic T  --dead-letter-topic T",
            "         --group-id census-flink  --transactional-id-prefix census-flink  --windows hour,week",
            "         --out-of-orderness 5min  --allowed-lateness 1h  --idle-timeout 1min  --checkpoint-interval 10s",
            "         --kafka-property KEY=VALUE",
            "job:     --parallelism N");

    /**
     * @param argv the job's arguments
     * @return the options
     * @throws org.promptcensus.api.CensusException BAD_USAGE naming the offending parameter
     */
    public static JobOptions parse(String[] argv) {
        Args a = new Args(argv, Set.of("keep-text", "explain"));
        String mode = a.required("mode", "(batch or stream)");
        List<String> taxonomies = a.list("taxonomy", List.of("usecase"));
        EngineSpec engine = new EngineSpec(taxonomies, a.list("taxonomy-dir", List.of()), a.pairs("model"),
                a.string("plugins-dir", null), a.all("field"), a.flag("keep-text"), a.flag("explain"));
        MixSettings mix;
        try {
            mix = new MixSettings(taxonomies.get(0), a.string("by", "model"), a.string("period", "all"),
                    a.string("facet", "category"), a.string("weight", "tokens"), a.string("labels", "primary"),
                    a.integer("privacy-k", 10, 0), a.string("catalog", null));
        } catch (IllegalArgumentException e) {
            throw Args.usage(e.getMessage());
        }
        int parallelism = a.integer("parallelism", 0, 0);
        BatchOptions batch = null;
        StreamOptions stream = null;
        switch (mode) {
            case "batch" -> batch = new BatchOptions(a.list("input", List.of()), a.required("output", "in batch mode"),
                    a.string("mix-format", "json"));
            case "stream" -> stream = new StreamOptions(a.required("bootstrap-servers", "in stream mode"),
                    a.required("input-topic", "in stream mode"), a.required("output-topic", "in stream mode"),
                    a.required("mix-topic", "in stream mode"), a.required("dead-letter-topic", "in stream mode"),
                    a.string("group-id", "census-flink"), a.string("transactional-id-prefix", "census-flink"),
                    a.list("windows", List.of("hour", "week")), a.duration("out-of-orderness", Duration.ofMinutes(5)),
                    a.duration("allowed-lateness", Duration.ofHours(1)), a.duration("idle-timeout", Duration.ofMinutes(1)),
                    a.duration("checkpoint-interval", Duration.ofSeconds(10)), a.pairs("kafka-property"));
            default -> throw Args.usage("--mode must be batch or stream, got '" + mode + "'");
        }
        a.requireAllConsumed();
        return new JobOptions(engine, mix, parallelism, batch, stream);
    }
}
