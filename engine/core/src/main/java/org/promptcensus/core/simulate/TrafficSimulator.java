package org.promptcensus.core.simulate;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.promptcensus.api.CensusException;
import org.promptcensus.api.ErrorCode;

/**
 * Writes a simulated gateway log from a {@link TrafficProfile}: one JSON object per line, in time
 * order,
 * <pre>{"id":"sim-000001","created":"2025-03-12T14:03:22Z","user":"u-00042","model":"&lt;log_id&gt;",
 *  "messages":[...],"tools":[...],"usage":{"prompt_tokens":..,"completion_tokens":..,"reasoning_tokens":..},
 *  "finish_reason":"stop"|"tool_calls"|"length","planted":"&lt;category&gt;"}</pre>
 * <ul>
 *   <li>Requests are spread evenly over the profile's days, and over each day (UTC) with a fixed
 *       diurnal cycle that peaks around 15:00 UTC.</li>
 *   <li>Each request's model is drawn by the day's shares ({@link TrafficSchedule}); its user is one
 *       of the model's active users (see {@code UserPopulation}: home model, monthly churn and
 *       comeback, heavy users; distinct users default to the profile's {@code users} per
 *       {@link TrafficProfile#REFERENCE_REQUESTS} requests).</li>
 *   <li>Its planted category is drawn by the model's mix, and its prompt from the
 *       {@link PromptPool} of that category, in the request's language when the corpus has it
 *       (else English): the user's language most of the time, else one drawn by the profile.</li>
 *   <li>{@code usage} is drawn, not counted from the prompt: log-normal per category, drifting by
 *       {@code growth} (capped at 1,000,000 prompt and 128,000 completion tokens);
 *       {@code completion_tokens} includes {@code reasoning_tokens}, which are the model's
 *       {@code reasoning_share} of it on average.</li>
 *   <li>A request ends in a tool call with the model's {@code tool_call_rate}, and only those
 *       carry {@code tools}; {@value #LENGTH_PERCENT}% of the others end with {@code length}.</li>
 * </ul>
 * Categories and lengths come from low-discrepancy sequences started at random offsets, so each
 * model's request mix is within about 1/n of the planted one after n requests, and mean lengths
 * converge faster than with independent draws; token-weighted mixes of small models still vary,
 * as they do in real logs, because a few long prompts carry many tokens. The output depends only on the profile,
 * the prompts, the number of requests, the users and the seed: the same inputs give the same bytes
 * (on any platform: random numbers come from {@link SplittableRandom}, functions from {@link StrictMath}).
 * Memory holds the per-user state only.
 *
 * <p>Thread-safe: a run keeps its state on the stack; concurrent runs may share one simulator.
 */
public final class TrafficSimulator {
    static final int LENGTH_PERCENT = 2;
    /** How often a request is in its user's own language; the rest are drawn by the profile's shares. */
    private static final double USER_LANGUAGE = 0.85;
    private static final long MAX_PROMPT_TOKENS = 1_000_000;
    private static final long MAX_COMPLETION_TOKENS = 128_000;

    private final TrafficProfile profile;
    private final PromptPool pool;
    private final List<String> categories;
    private final List<String> languages;
    /** Per category index, per language index: the prompts to draw from. */
    private final PromptPool.Prompt[][][] choices;

    /**
     * The outcome of a run.
     *
     * @param requests records written
     * @param users distinct users
     * @param tokens prompt plus completion tokens written
     */
    public record Result(long requests, long users, long tokens) {
    }

    /**
     * @param profile the profile
     * @param pool the prompts; its categories are the profile's categories
     * @throws CensusException BAD_CORPUS when a category some model plants has no prompt
     */
    public TrafficSimulator(TrafficProfile profile, PromptPool pool) {
        this.profile = profile;
        this.pool = pool;
        this.categories = pool.categories();
        this.languages = List.copyOf(profile.languages().keySet());
        for (TrafficProfile.ModelProfile m : profile.models()) {
            for (Map.Entry<String, Double> e : m.mix().entrySet()) {
                if (!categories.contains(e.getKey())) {
                    throw new CensusException(ErrorCode.BAD_USAGE, "traffic profile: model '" + m.model() + "' plants '"
                            + e.getKey() + "', which is not a category of the corpus");
                }
                if (e.getValue() > 0 && pool.size(e.getKey()) == 0) {
                    throw new CensusException(ErrorCode.BAD_CORPUS, pool.origin() + ": no prompt of category '" + e.getKey()
                            + "', which model '" + m.model() + "' plants");
                }
            }
        }
        this.choices = new PromptPool.Prompt[categories.size()][languages.size()][];
        for (int c = 0; c < categories.size(); c++) {
            for (int l = 0; l < languages.size(); l++) {
                choices[c][l] = pool.choices(categories.get(c), languages.get(l)).toArray(new PromptPool.Prompt[0]);
            }
        }
    }

    /** @return the profile */
    public TrafficProfile profile() {
        return profile;
    }

    /** @return the prompt pool */
    public PromptPool pool() {
        return pool;
    }

    /**
     * @param requests the number of requests
     * @return the distinct users the profile plants for that many: {@code users} per
     *         {@link TrafficProfile#REFERENCE_REQUESTS} requests, at least one
     */
    public long defaultUsers(long requests) {
        return Math.max(1, Math.round((double) profile.users() * requests / TrafficProfile.REFERENCE_REQUESTS));
    }

    /**
     * @return a truth collector for this simulator's models and categories
     */
    public TruthCollector newTruthCollector() {
        return new TruthCollector(profile.models().stream().map(TrafficProfile.ModelProfile::logId).toList(), categories);
    }

    /**
     * Runs with the profile's number of users ({@link #defaultUsers}).
     *
     * @param requests the number of records to write
     * @param seed the random seed
     * @param out where to write; flushed, not closed
     * @param truth collects the planted truth, or null
     * @return what was written
     * @throws IOException when writing fails
     */
    public Result run(long requests, long seed, Writer out, TruthCollector truth) throws IOException {
        return run(requests, seed, defaultUsers(requests), out, truth);
    }

    /**
     * @param requests the number of records to write
     * @param seed the random seed
     * @param users the expected number of distinct users
     * @param out where to write; flushed, not closed
     * @param truth collects the planted truth (from {@link #newTruthCollector}), or null
     * @return what was written
     * @throws IOException when writing fails
     */
    public Result run(long requests, long seed, long users, Writer out, TruthCollector truth) throws IOException {
        if (requests < 0 || users < 1) {
            throw new CensusException(ErrorCode.BAD_USAGE, "requests must be >= 0 and users >= 1");
        }
        return new Run(requests, seed, users, out, truth).execute();
    }

    /** The state of one run. */
    private final class Run {
        private final TrafficSchedule schedule;
        private final Writer out;
        private final TruthCollector truth;
        private final SplittableRandom modelRandom;
        private final SplittableRandom timeRandom;
        private final SplittableRandom promptRandom;
        private final SplittableRandom miscRandom;
        private final UserPopulation population;
        private final int k;
        /** Per model: cumulative mix over its categories, and their category indices. */
        private final double[][] mixCumulative;
        private final int[][] mixCategory;
        private final double[] categoryPhase;
        /** Per model, per category index: the phases of the R2 sequence of lengths. */
        private final double[][] promptPhase;
        private final double[][] completionPhase;
        private final double[] languageCumulative;
        private final String[] modelJson;
        private final double[] diurnal = Diurnal.CUMULATIVE;
        private final StringBuilder line = new StringBuilder(8192);
        private char[] buffer = new char[8192];
        private long tokens;

        Run(long requests, long seed, long users, Writer out, TruthCollector truth) {
            this.schedule = new TrafficSchedule(profile, requests);
            this.out = out;
            this.truth = truth;
            SplittableRandom root = new SplittableRandom(seed);
            this.modelRandom = root.split();
            this.timeRandom = root.split();
            this.promptRandom = root.split();
            this.miscRandom = root.split();
            this.population = new UserPopulation(schedule, users, root.split());
            this.k = profile.models().size();
            this.mixCumulative = new double[k][];
            this.mixCategory = new int[k][];
            this.categoryPhase = new double[k];
            this.promptPhase = new double[k][categories.size()];
            this.completionPhase = new double[k][categories.size()];
            this.modelJson = new String[k];
            SplittableRandom phases = root.split();
            for (int m = 0; m < k; m++) {
                TrafficProfile.ModelProfile mp = profile.models().get(m);
                mixCumulative[m] = UserPopulation.cumulative(mp.mix().values());
                mixCategory[m] = mp.mix().keySet().stream().mapToInt(categories::indexOf).toArray();
                categoryPhase[m] = phases.nextDouble();
                for (int c = 0; c < categories.size(); c++) {
                    promptPhase[m][c] = phases.nextDouble();
                    completionPhase[m][c] = phases.nextDouble();
                }
                modelJson[m] = new String(JsonStringEncoder.getInstance().quoteAsString(mp.logId()));
            }
            this.languageCumulative = UserPopulation.cumulative(profile.languages().values());
        }

        Result execute() throws IOException {
            double[] monthRest = new double[k];
            double[] cumulative = new double[k];
            long id = 0;
            int month = -1;
            for (int d = 0; d < schedule.days(); d++) {
                if (schedule.month(d) != month) {
                    month = schedule.month(d);
                    population.startMonth(month);
                    java.util.Arrays.fill(monthRest, 0);
                    for (int e = d; e < schedule.days() && schedule.month(e) == month; e++) {
                        for (int m = 0; m < k; m++) {
                            monthRest[m] += schedule.expected(e, m);
                        }
                    }
                }
                long n = schedule.requestsOn(d);
                double sum = 0;
                for (int m = 0; m < k; m++) {
                    sum += schedule.share(d, m);
                    cumulative[m] = sum;
                }
                String dayPrefix = schedule.date(d) + "T";
                int week = schedule.week(d);
                double promptGrowth = profile.promptGrowth(week);
                double completionGrowth = profile.completionGrowth(week);
                double x = 0;
                for (long i = 0; i < n; i++) {
                    // The next of n sorted uniforms: the minimum of the (n - i) still to come, above x.
                    x = 1 - (1 - x) * StrictMath.pow(1 - timeRandom.nextDouble(), 1.0 / (n - i));
                    int second = Diurnal.second(diurnal, x);
                    int model = UserPopulation.pick(cumulative, modelRandom.nextDouble() * sum);
                    double remaining = monthRest[model] - schedule.expected(d, model) * i / n;
                    UserPopulation.User user = population.next(model, remaining);
                    id++;
                    write(id, dayPrefix, second, model, user, promptGrowth, completionGrowth);
                }
                for (int m = 0; m < k; m++) {
                    monthRest[m] -= schedule.expected(d, m);
                }
            }
            out.flush();
            return new Result(id, population.size(), tokens);
        }

        private void write(long id, String dayPrefix, int second, int model, UserPopulation.User user,
                           double promptGrowth, double completionGrowth) throws IOException {
            TrafficProfile.ModelProfile mp = profile.models().get(model);
            categoryPhase[model] = Sampling.frac(categoryPhase[model] + Sampling.PHI_INVERSE);
            int category = mixCategory[model][UserPopulation.pick(mixCumulative[model], categoryPhase[model])];
            String categoryId = categories.get(category);

            int lang = miscRandom.nextDouble() < USER_LANGUAGE ? user.lang
                    : UserPopulation.pick(languageCumulative, miscRandom.nextDouble());
            PromptPool.Prompt[] candidates = choices[category][lang];
            PromptPool.Prompt prompt = candidates[promptRandom.nextInt(candidates.length)];

            TrafficProfile.Lengths len = profile.lengths().get(categoryId);
            promptPhase[model][category] = Sampling.frac(promptPhase[model][category] + Sampling.R2_A);
            completionPhase[model][category] = Sampling.frac(completionPhase[model][category] + Sampling.R2_B);
            long promptTokens = tokens(len.promptMedian() * promptGrowth, len.promptSigma(), promptPhase[model][category],
                    MAX_PROMPT_TOKENS);
            long completionTokens = tokens(len.completionMedian() * completionGrowth, len.completionSigma(),
                    completionPhase[model][category], MAX_COMPLETION_TOKENS);
            long reasoningTokens = 0;
            if (mp.reasoningShare() > 0) {
                double part = Math.min(0.95, mp.reasoningShare() * (0.5 + miscRandom.nextDouble()));
                reasoningTokens = Math.round(completionTokens * part);
            }
            boolean toolCall = miscRandom.nextDouble() < mp.toolCallRate();
            String finish = toolCall ? "tool_calls" : miscRandom.nextInt(100) < LENGTH_PERCENT ? "length" : "stop";

            StringBuilder b = line;
            b.setLength(0);
            b.append("{\"id\":\"sim-");
            String digits = Long.toString(id);
            for (int pad = digits.length(); pad < 6; pad++) {
                b.append('0');
            }
            b.append(digits).append("\",\"created\":\"").append(dayPrefix);
            two(b, second / 3600).append(':');
            two(b, second / 60 % 60).append(':');
            two(b, second % 60).append("Z\",\"user\":\"").append(user.id)
                    .append("\",\"model\":\"").append(modelJson[model])
                    .append("\",\"messages\":").append(prompt.messagesJson());
            if (toolCall) {
                b.append(",\"tools\":").append(ToolSets.pick(categoryId, miscRandom));
            }
            b.append(",\"usage\":{\"prompt_tokens\":").append(promptTokens)
                    .append(",\"completion_tokens\":").append(completionTokens)
                    .append(",\"reasoning_tokens\":").append(reasoningTokens)
                    .append("},\"finish_reason\":\"").append(finish)
                    .append("\",\"planted\":\"").append(categoryId).append("\"}\n");
            int len2 = b.length();
            if (buffer.length < len2) {
                buffer = new char[Math.max(len2, buffer.length * 2)];
            }
            b.getChars(0, len2, buffer, 0);
            out.write(buffer, 0, len2);

            tokens += promptTokens + completionTokens;
            if (truth != null) {
                truth.add(model, category, promptTokens + completionTokens, prompt.lang());
            }
        }

        private static StringBuilder two(StringBuilder b, int v) {
            return b.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
        }

        private static long tokens(double median, double sigma, double quantile, long max) {
            double v = median * StrictMath.exp(sigma * Sampling.normalQuantile(quantile));
            return Math.max(1, Math.min(max, Math.round(v)));
        }
    }

    /** The diurnal cycle of requests within a UTC day. */
    private static final class Diurnal {
        private static final double PEAK_HOUR = 15;
        private static final double AMPLITUDE = 0.45;
        /** Cumulative share of a day's requests by the end of each hour. */
        static final double[] CUMULATIVE = build();

        private static double[] build() {
            double[] c = new double[24];
            double sum = 0;
            for (int h = 0; h < 24; h++) {
                sum += 1 + AMPLITUDE * StrictMath.cos(2 * Math.PI * (h + 0.5 - PEAK_HOUR) / 24);
                c[h] = sum;
            }
            for (int h = 0; h < 24; h++) {
                c[h] /= sum;
            }
            return c;
        }

        /** Maps a uniform in [0, 1] to a second of the day, monotonically. */
        static int second(double[] cumulative, double x) {
            int h = 0;
            while (h < 23 && x >= cumulative[h]) {
                h++;
            }
            double lo = h == 0 ? 0 : cumulative[h - 1];
            double f = (x - lo) / (cumulative[h] - lo);
            return Math.min(86_399, h * 3600 + (int) Math.min(3599, Math.max(0, Math.floor(f * 3600))));
        }
    }

    /** @return the category ids, in taxonomy order */
    public List<String> categories() {
        return categories;
    }
}
