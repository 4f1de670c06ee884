package org.promptcensus.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.promptcensus.api.CensusException;
import org.promptcensus.api.TaggedRequest;

/**
 * The streaming reader against the general path ({@link RecordParser#tree} and
 * {@link TaggedRecordParser}) on a varied file: every time form the parser accepts, missing, null
 * and odd-typed fields, multi-label tags, several taxonomies, unknown models, bad tags, untagged and
 * malformed lines. Whenever the reader answers, it answers what the general path does; when the
 * general path fails or finds no tags, the reader leaves the line to it.
 */
class TaggedLineReaderTest {
    private static final RecordParser PARSER = new RecordParser(FieldMapping.NONE);
    private static final TaggedRecordParser TREE = new TaggedRecordParser(PARSER);
    private static final TaggedLineReader FAST = new TaggedLineReader();

    private static final String[] IDS = {null, "\"id\":\"r-1\"", "\"id\":17", "\"id\":null", "\"id\":-0", "\"id\":1.5",
            "\"id\":{}", "\"id\":\"é \\u00e9 \\\"q\\\"\"", "\"id\":12345678901234567890123"};
    private static final String[] LANGS = {null, "\"lang\":\"en\"", "\"lang\":\"zh\"", "\"lang\":null", "\"lang\":3"};
    private static final String[] CREATED = {null, "\"created\":\"2025-03-12T14:03:22Z\"", "\"created\":\"2025-03-12T14:03:22.123Z\"",
            "\"created\":\"2025-03-12T14:03:22.123456789Z\"", "\"created\":\"2025-03-12T14:03:22+02:00\"",
            "\"created\":\"2025-03-12T14:03:22+0200\"", "\"created\":\"2025-03-12 14:03:22.847371\"", "\"created\":\"2025-03-12\"",
            "\"created\":\"2025-03-12T14:03:22 UTC\"", "\"created\":\"Wed, 12 Mar 2025 14:03:22 GMT\"", "\"created\":1741788202",
            "\"created\":1741788202.5", "\"created\":\"1741788202\"", "\"created\":1741788202123", "\"created\":1741788202123456",
            "\"created\":1741788202123456789", "\"created\":\" 2025-03-12T14:03:22Z \"", "\"created\":\"2024-02-29T00:00:00Z\"",
            "\"created\":\"2025-02-29T00:00:00Z\"", "\"created\":\"2025-03-12T24:00:00Z\"", "\"created\":\"yesterday\"",
            "\"created\":null", "\"created\":true", "\"created\":{}"};
    private static final String[] TAGS = {null, "\"tags\":{\"usecase\":[{\"id\":\"roleplay\",\"score\":0.9}]}",
            "\"tags\":{\"usecase\":[{\"id\":\"roleplay\",\"score\":0.6},{\"id\":\"adult\",\"score\":0.4}]}",
            "\"tags\":{\"usecase\":[{\"id\":\"programming\",\"score\":1}],\"safety\":[{\"id\":\"ok\",\"score\":0}]}",
            "\"tags\":{\"usecase\":[{\"id\":\"roleplay/games\",\"score\":0.7},{\"id\":\"roleplay\",\"score\":0.8}]}",
            "\"tags\":{\"usecase\":[{\"id\":\"legal\",\"score\":0.5,\"evidence\":[{\"kind\":\"rule\",\"source\":\"legal.yaml#3\",\"weight\":1.5}]}]}",
            "\"tags\":{}", "\"tags\":{\"usecase\":[]}", "\"tags\":{\"usecase\":[{\"id\":\"x\",\"score\":1.2}]}",
            "\"tags\":{\"usecase\":[{\"id\":\"x\",\"score\":\"0.5\"}]}", "\"tags\":{\"usecase\":[{\"score\":0.5}]}",
            "\"tags\":{\"usecase\":[{\"id\":\"x\",\"score\":null}]}", "\"tags\":{\"usecase\":{\"id\":\"x\"}}",
            "\"tags\":{\"usecase\":[\"roleplay\"]}", "\"tags\":null", "\"tags\":[]",
            "\"tags\":{\"usecase\":[{\"id\":\"a\",\"score\":0.5}],\"usecase\":[{\"id\":\"b\",\"score\":0.7}]}"};
    private static final String[] MODELS = {null, "\"model\":\"openai/gpt-4o-mini\"", "\"model\":\"acme/house-7b\"", "\"model\":null",
            "\"model\":42", "\"model\":[\"a\"]"};
    private static final String[] USERS = {null, "\"user\":\"u-1\"", "\"user\":null", "\"user\":7"};
    private static final String[] USAGE = {null, "\"usage\":{\"prompt_tokens\":120,\"completion_tokens\":30,\"reasoning_tokens\":10,\"cached_tokens\":5}",
            "\"usage\":{\"prompt_tokens\":120}", "\"usage\":{\"completion_tokens\":30,\"reasoning_tokens\":null}", "\"usage\":{}",
            "\"usage\":\"n/a\"", "\"usage\":null", "\"usage\":{\"prompt_tokens\":1.5,\"completion_tokens\":\"7\"}",
            "\"usage\":{\"prompt_tokens\":99999999999999999999}", "\"usage\":{\"prompt_tokens\":{\"x\":1},\"total_tokens\":9}"};
    private static final String[] FINISH = {null, "\"finish_reason\":\"tool_calls\"", "\"finish_reason\":\"stop\"",
            "\"finish_reason\":null", "\"finish_reason\":1"};
    private static final String[] TOOLS = {null, "\"tools\":2", "\"tools\":\"2\"", "\"tools\":null", "\"tools\":3.0", "\"tools\":-1",
            "\"tools\":[1]", "\"tools\":9999999999"};
    private static final String[] COST = {null, "\"cost_usd\":0.0125", "\"cost_usd\":2", "\"cost_usd\":\"0.1\"", "\"cost_usd\":null"};
    private static final String[] EXTRA = {null, "\"warnings\":[\"text_truncated\"]", "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]",
            "\"meta\":{\"a\":[1,{\"b\":null}],\"c\":\"d\"}", "\"planted\":\"roleplay\""};
    private static final String[][] FIELDS = {IDS, LANGS, TAGS, MODELS, CREATED, USERS, USAGE, FINISH, TOOLS, COST, EXTRA};

    static List<String> variedLines(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<String> parts = new ArrayList<>();
            for (String[] options : FIELDS) {
                // Mostly the canonical shape: the first real option, sometimes any option.
                String f = rng.nextInt(3) == 0 ? options[rng.nextInt(options.length)] : options[Math.min(1, options.length - 1)];
                if (f != null) {
                    parts.add(f);
                }
            }
            if (rng.nextBoolean()) {
                java.util.Collections.shuffle(parts, new java.util.Random(rng.nextLong()));
            }
            String line = "{" + String.join(",", parts) + "}";
            switch (rng.nextInt(40)) {
                case 0 -> line = line.substring(0, line.length() / 2);          // cut short
                case 1 -> line = line + " trailing";                              // trailing content
                case 2 -> line = "  " + line + "\t";                              // blanks around
                case 3 -> line = "[" + line + "]";                                // not an object
                default -> { }
            }
            lines.add(line);
        }
        return lines;
    }

    /** What the general path makes of a line: a tagged request, "untagged", or its error. */
    private static Object general(String line, String defaultId) {
        try {
            JsonNode node = PARSER.tree(line);
            if (!TaggedRecordParser.isTagged(node)) {
                return "untagged";
            }
            return TREE.parse(node, defaultId);
        } catch (CensusException | IllegalArgumentException e) {
            return "error: " + e.getMessage();
        }
    }

    @Test
    void agreesWithTheGeneralPathOnAVariedFile() {
        List<String> lines = variedLines(6000, 11);
        int fast = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Object expected = general(line, String.valueOf(i + 1));
            TaggedRequest actual = FAST.read(line, String.valueOf(i + 1));
            if (actual != null) {
                fast++;
                assertThat((Object) actual).as(line).isEqualTo(expected);
            } else {
                assertThat(expected).as(line).isNotNull();
            }
        }
        // Most lines are of the canonical shape and take the fast path.
        assertThat(fast).isGreaterThan(lines.size() / 4);
    }

    @Test
    void readsTheCanonicalShape() {
        String line = "{\"id\":\"r-9\",\"lang\":\"en\",\"tags\":{\"usecase\":[{\"id\":\"roleplay\",\"score\":0.6},{\"id\":\"adult\",\"score\":0.4}]},"
                + "\"model\":\"x/y\",\"created\":\"2025-03-12T14:03:22Z\",\"user\":\"u-1\",\"usage\":{\"prompt_tokens\":120,"
                + "\"completion_tokens\":30,\"reasoning_tokens\":10},\"finish_reason\":\"tool_calls\",\"tools\":2,\"cost_usd\":0.01}";
        TaggedRequest t = FAST.read(line, "1");
        assertThat(t).isEqualTo(general(line, "1"));
        assertThat(t.request().usage().promptTokens()).isEqualTo(120L);
        assertThat(t.tags("usecase").orElseThrow().tags()).hasSize(2);
    }

    @Test
    void leavesUntaggedAndMalformedLinesToTheGeneralPath() {
        assertThat(FAST.read("{\"id\":\"a\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}", "1")).isNull();
        assertThat(FAST.read("{\"tags\":{\"usecase\":[", "1")).isNull();
        assertThat(FAST.read("", "1")).isNull();
        assertThat(FAST.read("42", "1")).isNull();
    }
}
