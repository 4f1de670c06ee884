package org.promptcensus.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Synthesises pre-tagged records in the shape {@code census tag} writes (no prompt text), for the
 * aggregation benchmarks: what {@code census mix} reads back is being measured, so the lines are
 * made up directly instead of simulating and tagging a log (which costs about 500 CPU-s per
 * million). Deterministic for a seed.
 *
 * <p>Each line: a model among 12 log ids (11 in the bundled catalog, one unknown; skewed shares), a
 * time over 2025 in the canonical {@code Instant} form, one of 50,000 users, a language, a primary
 * {@code usecase} tag among 16 categories and a second tag on one line in five, log-normal token
 * counts, reasoning tokens on the reasoning models, tool calls on one line in eight.
 *
 * <p>Run: {@code java -cp benchmarks.jar org.promptcensus.bench.TaggedLines N FILE [SEED]}.
 * Not thread-safe: one generator per thread.
 */
public final class TaggedLines {
    static final String[] MODELS = {"openai/gpt-4o-mini", "anthropic/claude-sonnet-4", "claude-sonnet-4-20250514",
            "google/gemini-2.5-flash", "deepseek/deepseek-chat-v3-0324", "qwen/qwen-2.5-72b-instruct", "openai/gpt-5",
            "x-ai/grok-code-fast-1", "meta-llama/llama-3.3-70b-instruct", "mistralai/mistral-nemo", "openai/gpt-oss-120b",
            "acme/house-model-7b"};
    private static final boolean[] REASONING = {false, false, false, true, false, false, true, true, false, false, true, false};
    static final String[] CATEGORIES = {"programming", "roleplay", "technology", "science_math", "translation", "general_qa",
            "creative_writing", "adult", "marketing", "business", "education", "finance", "health", "legal", "productivity",
            "other"};
    private static final String[] LANGS = {"en", "en", "en", "en", "en", "en", "en", "en", "zh", "ru", "es", "th", "de"};
    private static final String[] FINISH = {"stop", "stop", "stop", "stop", "stop", "stop", "length"};
    private static final long YEAR_START = 1_735_689_600L; // 2025-01-01T00:00:00Z
    private static final int USERS = 50_000;

    private final SplittableRandom rng;
    private final StringBuilder b = new StringBuilder(512);
    private long next;

    /** @param seed the random seed */
    public TaggedLines(long seed) {
        this.rng = new SplittableRandom(seed);
    }

    /** @return the next line, without its newline */
    public String next() {
        next++;
        int m = skewed(MODELS.length);
        int c = skewed(CATEGORIES.length);
        b.setLength(0);
        b.append("{\"id\":\"r-").append(next).append("\",\"lang\":\"").append(LANGS[rng.nextInt(LANGS.length)])
                .append("\",\"tags\":{\"usecase\":[{\"id\":\"").append(CATEGORIES[c]).append("\",\"score\":")
                .append("0.").append(50 + rng.nextInt(50)).append('}');
        if (rng.nextInt(5) == 0) {
            b.append(",{\"id\":\"").append(CATEGORIES[(c + 1 + rng.nextInt(CATEGORIES.length - 1)) % CATEGORIES.length])
                    .append("\",\"score\":").append("0.").append(10 + rng.nextInt(40)).append('}');
        }
        long prompt = Math.max(1, Math.round(800 * Math.exp(1.2 * gaussian())));
        long completion = Math.max(1, Math.round(250 * Math.exp(0.8 * gaussian())));
        b.append("]},\"model\":\"").append(MODELS[m]).append("\",\"created\":\"")
                .append(java.time.Instant.ofEpochSecond(YEAR_START + rng.nextLong(365L * 86_400))).append("\",\"user\":\"u-")
                .append(rng.nextInt(USERS)).append("\",\"usage\":{\"prompt_tokens\":").append(prompt)
                .append(",\"completion_tokens\":").append(completion);
        if (REASONING[m]) {
            b.append(",\"reasoning_tokens\":").append(completion / 2);
        }
        b.append('}');
        if (rng.nextInt(8) == 0) {
            b.append(",\"finish_reason\":\"tool_calls\",\"tools\":").append(1 + rng.nextInt(4));
        } else {
            b.append(",\"finish_reason\":\"").append(FINISH[rng.nextInt(FINISH.length)]).append('"');
        }
        return b.append('}').toString();
    }

    /** Index in [0, n), the first ones more likely (roughly Zipf-like). */
    private int skewed(int n) {
        double u = rng.nextDouble();
        return Math.min(n - 1, (int) (n * u * u));
    }

    private double gaussian() {
        // Box-Muller on SplittableRandom (which has no nextGaussian in Java 17).
        double u = 1 - rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble());
    }

    /**
     * @param args N FILE [SEED]: writes N lines to FILE
     * @throws IOException on failure
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: TaggedLines N FILE [SEED]");
            System.exit(2);
        }
        long n = Long.parseLong(args[0].replace("_", ""));
        TaggedLines lines = new TaggedLines(args.length > 2 ? Long.parseLong(args[2]) : 1);
        long t0 = System.nanoTime();
        try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(Path.of(args[1])),
                StandardCharsets.UTF_8), 1 << 16)) {
            for (long i = 0; i < n; i++) {
                w.write(lines.next());
                w.write('\n');
            }
        }
        System.err.printf("wrote %,d tagged lines to %s in %.1f s%n", n, args[1], (System.nanoTime() - t0) / 1e9);
    }
}
