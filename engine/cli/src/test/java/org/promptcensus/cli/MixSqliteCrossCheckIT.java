package org.promptcensus.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loads the same tagged records into SQLite and checks every figure of `census mix` (per-model
 * mix: requests, tokens, shares, privacy suppression) against SQL queries.
 */
class MixSqliteCrossCheckIT {
    private static final String[] MODELS = {"deepseek/deepseek-chat-v3-0324", "anthropic/claude-sonnet-4", "openai/gpt-4o-mini",
            "acme/unknown-model-7b"};
    private static final String[] CATEGORIES = {"roleplay", "programming", "general_qa", "translation", "adult", "legal"};

    @TempDir
    Path dir;

    private Path writeTagged(Connection db) throws IOException, SQLException {
        Random rng = new Random(11);
        StringBuilder sb = new StringBuilder();
        try (PreparedStatement ins = db.prepareStatement("insert into req values (?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < 4000; i++) {
                String model = MODELS[rng.nextInt(MODELS.length)];
                String cat = CATEGORIES[Math.min(CATEGORIES.length - 1, (int) Math.abs(rng.nextGaussian() * 2))];
                String user = "u" + rng.nextInt(model.startsWith("acme") ? 6 : 400);
                long prompt = 20 + rng.nextInt(3000);
                long completion = 10 + rng.nextInt(800);
                sb.append(String.format("{\"id\":\"r%d\",\"lang\":\"en\",\"tags\":{\"usecase\":[{\"id\":\"%s\",\"score\":0.8}]},"
                        + "\"model\":\"%s\",\"created\":\"2025-0%d-1%dT10:00:00Z\",\"user\":\"%s\","
                        + "\"usage\":{\"prompt_tokens\":%d,\"completion_tokens\":%d}}%n",
                        i, cat, model, 1 + rng.nextInt(8), rng.nextInt(9), user, prompt, completion));
                ins.setString(1, model);
                ins.setString(2, cat);
                ins.setString(3, user);
                ins.setLong(4, prompt);
                ins.setLong(5, completion);
                ins.setInt(6, i);
                ins.addBatch();
            }
            ins.executeBatch();
        }
        Path f = dir.resolve("tagged.jsonl");
        Files.writeString(f, sb);
        return f;
    }

    @Test
    void everyFigureOfThePerModelMixMatchesSql() throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            try (Statement s = db.createStatement()) {
                s.execute("create table req (model text, category text, user text, prompt integer, completion integer, id integer)");
            }
            Path tagged = writeTagged(db);
            Path catalog = dir.resolve("empty-catalog.yaml");
            Files.writeString(catalog, "models: []\n");
            for (String weight : new String[] {"tokens", "requests"}) {
                for (int k : new int[] {0, 10}) {
                    CliRunner.Result r = CliRunner.run("mix", tagged.toString(), "--by", "model", "--weight", weight,
                            "--privacy-k", String.valueOf(k), "--format", "csv", "-q");
                    assertThat(r.code()).as(r.err()).isZero();
                    Map<String, CSVRecord> rows = new HashMap<>();
                    for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                            .parse(new StringReader(r.out()))) {
                        rows.put(rec.get("group") + "|" + rec.get("category"), rec);
                    }
                    String measure = weight.equals("tokens") ? "prompt + completion" : "1";
                    String sql = "select model, category, count(*) n, sum(prompt + completion) t, count(distinct user) users,"
                            + " sum(" + measure + ") * 1.0 / (select sum(" + measure + ") from req r2 where r2.model = req.model) share"
                            + " from req group by model, category";
                    int checked = 0;
                    try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                        while (rs.next()) {
                            String model = rs.getString("model");
                            String group = catalogGroup(model);
                            CSVRecord row = rows.get(group + "|" + rs.getString("category"));
                            assertThat(row).as("row for %s %s", group, rs.getString("category")).isNotNull();
                            boolean suppressed = k > 0 && rs.getInt("users") < k;
                            assertThat(Boolean.parseBoolean(row.get("suppressed"))).as(group).isEqualTo(suppressed);
                            if (suppressed) {
                                assertThat(row.get("share")).isEmpty();
                            } else {
                                assertThat(Double.parseDouble(row.get("requests"))).isEqualTo(rs.getLong("n"));
                                assertThat(Double.parseDouble(row.get("tokens"))).isEqualTo(rs.getLong("t"));
                                assertThat(Double.parseDouble(row.get("share"))).isCloseTo(rs.getDouble("share"), within(1e-6));
                            }
                            checked++;
                        }
                    }
                    assertThat(checked).isEqualTo(rows.size()).isGreaterThan(15);
                }
            }
        }
    }

    /** The bundled catalog names known models by catalog id; unknown ones keep their logged id. */
    private static String catalogGroup(String logged) {
        var c = org.promptcensus.core.catalog.ModelCatalog.load(null, MixSqliteCrossCheckIT.class.getClassLoader());
        return c.lookup(logged).id();
    }
}
