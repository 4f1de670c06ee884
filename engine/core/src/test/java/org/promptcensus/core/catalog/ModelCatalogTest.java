package org.promptcensus.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.promptcensus.api.CensusException;
import org.promptcensus.api.ModelInfo;

class ModelCatalogTest {
    private static final String YAML = """
            models:
              - id: gpt-4o-mini
                name: GPT-4o mini
                author: openai
                patterns: ["openai/gpt-4o-mini*", "gpt-4o-mini*"]
                weights: closed
                origin: US
                params_total_b: null
                params_active_b: null
                size: unknown
                reasoning: false
                released: 2024-07-18
              - id: gpt-4o
                name: GPT-4o
                author: openai
                patterns: ["openai/gpt-4o*", "gpt-4o*"]
                weights: closed
                origin: US
                params_total_b: null
                params_active_b: null
                size: unknown
                reasoning: false
                released: 2024-05-13
              - id: deepseek-v3
                name: DeepSeek V3
                author: deepseek
                patterns: ["*deepseek-chat*"]
                weights: open
                origin: China
                params_total_b: 671
                params_active_b: 37
                size: ">70B"
                reasoning: false
                released: 2024-12-26
            """;

    private static ModelCatalog catalog() {
        return ModelCatalog.of(new ByteArrayInputStream(YAML.getBytes(StandardCharsets.UTF_8)), "test");
    }

    @Test
    void firstMatchingPatternWinsCaseInsensitively() {
        assertThat(catalog().lookup("gpt-4o-mini-2024-07-18").id()).isEqualTo("gpt-4o-mini");
        assertThat(catalog().lookup("OpenAI/GPT-4o").id()).isEqualTo("gpt-4o");
        ModelInfo ds = catalog().lookup("deepseek/deepseek-chat-v3-0324");
        assertThat(ds.weights()).isEqualTo(ModelInfo.Weights.OPEN);
        assertThat(ds.size()).isEqualTo(ModelInfo.Size.LARGE);
        assertThat(ds.paramsActiveB()).isEqualTo(37.0);
    }

    @Test
    void unknownModelsAreReportedAsUnknownNotDropped() {
        ModelInfo m = catalog().lookup("acme/secret-model");
        assertThat(m.isUnknown()).isTrue();
        assertThat(m.id()).isEqualTo("acme/secret-model");
        assertThat(catalog().lookup(null).id()).isEqualTo("(none)");
    }

    @Test
    void aUserCatalogOverridesTheBundledOne(@TempDir Path dir) throws Exception {
        Path user = dir.resolve("mine.yaml");
        Files.writeString(user, YAML.replace("author: deepseek", "author: my-team"));
        ModelCatalog c = ModelCatalog.load(user, ModelCatalogTest.class.getClassLoader());
        assertThat(c.lookup("deepseek-chat").author()).isEqualTo("my-team");
    }

    @Test
    void badEntriesAreClearErrors() {
        assertThatThrownBy(() -> ModelCatalog.of(new ByteArrayInputStream("models:\n  - id: x\n    colour: red\n".getBytes()), "bad.yaml"))
                .isInstanceOf(CensusException.class).hasMessageContaining("bad.yaml").hasMessageContaining("colour");
        assertThatThrownBy(() -> ModelCatalog.of(new ByteArrayInputStream(YAML.replace("size: unknown", "size: huge").getBytes()), "b.yaml"))
                .isInstanceOf(CensusException.class).hasMessageContaining("huge");
    }
}
