package org.promptcensus.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Generates a tagged log (the output format of {@code census tag}: several catalogued models, an
 * unknown one whose id is markup, twelve weeks), runs {@code census report} on it, and checks the
 * page: self-contained and escaped, then rendered by headless Chromium, every chart drawn (the
 * dumped DOM has each {@code data-chart} svg with marks) and a screenshot that is not blank.
 * The browser part is skipped when {@code /usr/bin/chromium} is absent
 * ({@code apt-get install -y chromium}). The page and the screenshot are kept under
 * {@code target/report-browser-it/}.
 */
class ReportBrowserIT {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final List<String> CHARTS = List.of("model-mix", "category-trend", "openness-trend", "origin-trend", "size-mix",
            "openness-mix", "retention", "lengths");
    private static final String HOSTILE_MODEL = "acme/<script>alert(1)</script>-7b";
    private static final Instant START = Instant.parse("2025-06-02T00:00:00Z");
    private static final int WEEKS = 12;

    /** A model with its share of traffic and its use-case profile. */
    private record Profile(String model, double weight, Map<String, Double> mix) {
    }

    private static final List<Profile> PROFILES = List.of(
            new Profile("anthropic/claude-sonnet-4", 0.22, mix("programming", 0.62, "technology", 0.15, "productivity", 0.08,
                    "science_math", 0.05, "creative_writing", 0.04)),
            new Profile("deepseek/deepseek-chat-v3-0324", 0.16, mix("roleplay", 0.45, "adult", 0.12, "creative_writing", 0.12,
                    "general_qa", 0.1, "programming", 0.1)),
            new Profile("openai/gpt-4o-mini", 0.14, mix("general_qa", 0.2, "productivity", 0.18, "translation", 0.1, "education", 0.1,
                    "programming", 0.12, "marketing", 0.08, "health", 0.05, "business", 0.05)),
            new Profile("google/gemini-2.5-flash", 0.12, mix("translation", 0.2, "science_math", 0.15, "technology", 0.15,
                    "general_qa", 0.15, "programming", 0.15, "finance", 0.05)),
            new Profile("qwen/qwen3-coder-480b-a35b", 0.08, mix("programming", 0.8, "technology", 0.1)),
            new Profile("deepseek/deepseek-r1", 0.05, mix("science_math", 0.4, "programming", 0.3, "education", 0.1)),
            new Profile("meta-llama/llama-3.3-70b-instruct", 0.05, mix("roleplay", 0.3, "general_qa", 0.2, "legal", 0.05)),
            new Profile("mistralai/mistral-nemo", 0.05, mix("roleplay", 0.5, "adult", 0.2, "creative_writing", 0.2)),
            new Profile("google/gemma-3-27b-it", 0.04, mix("translation", 0.3, "general_qa", 0.3, "education", 0.1)),
            new Profile("z-ai/glm-4.5-air", 0.04, mix("programming", 0.4, "roleplay", 0.2, "technology", 0.1)),
            new Profile("x-ai/grok-code-fast-1", 0.04, mix("programming", 0.9)),
            new Profile(HOSTILE_MODEL, 0.01, mix("other", 0.5, "general_qa", 0.3)));

    private static final List<String> CATEGORIES = List.of("programming", "roleplay", "adult", "creative_writing", "productivity",
            "translation", "general_qa", "science_math", "technology", "health", "legal", "finance", "business", "marketing",
            "education", "other");

    @TempDir
    static Path dir;

    /** The report, made once for all tests (building the engine takes a while). */
    private static Path html;

    private static Map<String, Double> mix(Object... kv) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (Double) kv[i + 1]);
        }
        return m;
    }

    /** Writes {@code n} tagged records, as {@code census tag} prints them. */
    static void writeTaggedLog(Path file, int n) throws IOException {
        Random rng = new Random(7);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            int week = pickWeek(rng);
            int m = pickModel(rng);
            Profile p = PROFILES.get(m);
            String user = pickUser(rng, m, week);
            String category = pickCategory(rng, p.mix());
            long prompt = Math.round(Math.exp(rng.nextGaussian() * 0.8 + Math.log(switch (category) {
                case "programming" -> 3000;
                case "roleplay", "adult" -> 1600;
                case "translation", "productivity" -> 900;
                default -> 500;
            })));
            long completion = Math.round(Math.exp(rng.nextGaussian() * 0.6 + Math.log(category.equals("creative_writing") ? 700 : 280)));
            Instant created = START.plusSeconds(week * 7L * 86400 + rng.nextInt(7 * 86400));
            String usage = rng.nextInt(100) < 2 ? "" : String.format(",\"usage\":{\"prompt_tokens\":%d,\"completion_tokens\":%d}",
                    prompt, completion);
            String userField = rng.nextInt(100) < 2 ? "" : ",\"user\":\"" + user + "\"";
            String second = rng.nextInt(4) == 0 ? ",{\"id\":\"" + CATEGORIES.get(rng.nextInt(CATEGORIES.size())) + "\",\"score\":0.41}" : "";
            sb.append("{\"id\":\"req-").append(i).append("\",\"lang\":\"en\",\"tags\":{\"usecase\":[{\"id\":\"").append(category)
                    .append("\",\"score\":0.87}").append(second).append("]},\"model\":\"").append(p.model().replace("\"", "\\\""))
                    .append("\",\"created\":\"").append(created).append('"').append(userField).append(usage)
                    .append(",\"finish_reason\":\"stop\"}\n");
        }
        Files.writeString(file, sb);
    }

    private static int pickWeek(Random rng) {
        double total = 0;
        for (int w = 0; w < WEEKS; w++) {
            total += 1 + 0.15 * w;
        }
        double x = rng.nextDouble() * total;
        for (int w = 0; w < WEEKS; w++) {
            x -= 1 + 0.15 * w;
            if (x <= 0) {
                return w;
            }
        }
        return WEEKS - 1;
    }

    private static int pickModel(Random rng) {
        double x = rng.nextDouble() * PROFILES.stream().mapToDouble(Profile::weight).sum();
        for (int i = 0; i < PROFILES.size(); i++) {
            x -= PROFILES.get(i).weight();
            if (x <= 0) {
                return i;
            }
        }
        return PROFILES.size() - 1;
    }

    /** A user of the model's pool who has started by this week and is still active (retention decays). */
    private static String pickUser(Random rng, int model, int week) {
        for (int attempt = 0; attempt < 1000; attempt++) {
            int j = rng.nextInt(90);
            int start = (j * 5 + model) % WEEKS;
            if (start > week) {
                continue;
            }
            double stay = 0.3 + 0.7 * Math.exp(-(week - start) / (2.0 + model % 3));
            if (rng.nextDouble() < stay) {
                return "u" + ((model * 37 + j) % 600);
            }
        }
        return "u" + model;
    }

    private static String pickCategory(Random rng, Map<String, Double> mix) {
        double x = rng.nextDouble();
        for (var e : mix.entrySet()) {
            x -= e.getValue();
            if (x <= 0) {
                return e.getKey();
            }
        }
        return CATEGORIES.get(rng.nextInt(CATEGORIES.size()));
    }

    /**
     * Runs {@code census report}. Until {@code ReportCommand} is registered in {@link CensusCommand}'s
     * subcommands, it is added here to a {@link CommandLine} over the same root command; once it is,
     * {@link Main#run} is used and this fallback can go.
     */
    private static CliRunner.Result report(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        InputStream in = InputStream.nullInputStream();
        String[] full = new String[args.length + 1];
        full[0] = "report";
        System.arraycopy(args, 0, full, 1, args.length);
        CensusCommand root = new CensusCommand(new Streams(in, o, e));
        CommandLine cl = new CommandLine(root);
        int code;
        if (cl.getSubcommands().containsKey("report")) {
            code = Main.run(full, in, o, e);
        } else {
            cl.addSubcommand("report", new ReportCommand());
            cl.setOut(new java.io.PrintWriter(o, true));
            cl.setErr(new java.io.PrintWriter(e, true));
            cl.setExecutionExceptionHandler(new ErrorHandler(root));
            code = cl.execute(full);
        }
        return new CliRunner.Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @BeforeAll
    static void makeReport() throws IOException {
        Path log = dir.resolve("tagged.jsonl");
        writeTaggedLog(log, 4000);
        html = dir.resolve("report.html");
        CliRunner.Result r = report(log.toString(), "-o", html.toString(), "--privacy-k", "0", "--title", "Synthetic traffic <12 weeks>");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("4,000 records read");
    }

    @Test
    void pageIsSelfContainedEscapedAndHasEveryChart() throws IOException {
        String page = Files.readString(html);
        assertThat(page).doesNotContain("src=\"http").doesNotContain("href=\"http").doesNotContain("<link").doesNotContain("<script")
                .doesNotContain("url(").doesNotContain("@import");
        assertThat(page).contains("acme/&lt;script&gt;alert(1)&lt;/script&gt;-7b").contains("Synthetic traffic &lt;12 weeks&gt;");
        for (String chart : CHARTS) {
            assertThat(page).contains("data-chart=\"" + chart + "\"");
        }
        assertThat(page).contains("not in the model catalog").contains("no token counts").contains("no user id");
        assertThat(page).doesNotContain("req-1\"").doesNotContain("\"u1\"");
    }

    @Test
    void helpDescribesTheCommand() {
        CliRunner.Result r = report("--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("--privacy-k").contains("--confusion").contains("--top").contains("self-contained");
    }

    @Test
    void chromiumDrawsEveryChart() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "no /usr/bin/chromium: install it with apt-get install -y chromium");
        String dom = chromium(List.of("--virtual-time-budget=5000", "--dump-dom", html.toUri().toString()));
        assertThat(dom).contains("data-chart=\"model-mix\"");
        for (String chart : CHARTS) {
            List<String> svgs = svgs(dom, chart);
            assertThat(svgs).as("svg data-chart=%s in the rendered DOM", chart).isNotEmpty();
            for (String svg : svgs) {
                assertThat(marks(svg)).as("marks of %s", chart).isPositive();
            }
        }
        assertThat(dom).doesNotContain("<script").contains("acme/&lt;script&gt;alert(1)&lt;/script&gt;-7b");

        Path png = dir.resolve("report.png");
        chromium(List.of("--hide-scrollbars", "--screenshot=" + png, "--window-size=1400,3000", html.toUri().toString()));
        assertThat(png).exists();
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img).isNotNull();
        assertThat(img.getWidth()).isEqualTo(1400);
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 3) {
            for (int x = 0; x < img.getWidth(); x += 3) {
                colours.add(img.getRGB(x, y) & 0xffffff);
            }
        }
        assertThat(colours.size()).as("distinct colours in the screenshot").isGreaterThan(30);
        keep(png);
    }

    private static String chromium(List<String> extra) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(dir, "chromium-profile");
        List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile));
        cmd.addAll(extra);
        Path stdout = dir.resolve("chromium-" + System.nanoTime() + ".out");
        Path stderr = dir.resolve("chromium-" + System.nanoTime() + ".err");
        Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!p.waitFor(Duration.ofSeconds(120).toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish in 120 s: " + Files.readString(stderr));
        }
        assertThat(p.exitValue()).as("chromium exit code; stderr: %s", Files.readString(stderr)).isZero();
        return Files.readString(stdout);
    }

    /** @return the markup of each {@code <svg data-chart="name">} */
    private static List<String> svgs(String dom, String chart) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<svg[^>]*\\bdata-chart=\"" + Pattern.quote(chart) + "\"[^>]*>(.*?)</svg>", Pattern.DOTALL).matcher(dom);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static int marks(String svg) {
        Matcher m = Pattern.compile("<(rect|path|polyline)\\b").matcher(svg);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static void keep(Path png) {
        try {
            Path out = Path.of("target", "report-browser-it");
            Files.createDirectories(out);
            Files.copy(html, out.resolve("report.html"), StandardCopyOption.REPLACE_EXISTING);
            Files.copy(png, out.resolve("report.png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
