package org.promptcensus.core.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.promptcensus.api.CensusException;
import org.promptcensus.api.ErrorCode;

/** The seed prompts by category and language. */
class SimulationPromptPoolTest {
    @TempDir
    Path dir;

    @Test
    void readsEveryCategoryOfTheSeedCorpus() {
        PromptPool pool = SimulationFixture.POOL;
        assertThat(pool.categories()).hasSize(16).startsWith("programming", "roleplay");
        for (String c : pool.categories()) {
            assertThat(pool.size(c)).as(c).isGreaterThan(100);
            assertThat(pool.languages(c)).as(c).contains("en", "zh", "ru", "es");
        }
        assertThat(pool.size()).isGreaterThan(5_000);
    }

    @Test
    void prefersTheRequestsLanguageElseEnglish() {
        PromptPool pool = SimulationFixture.POOL;
        assertThat(pool.choices("roleplay", "zh")).isNotEmpty().allMatch(p -> p.lang().equals("zh") && p.category().equals("roleplay"));
        assertThat(pool.choices("roleplay", "th")).isNotEmpty().allMatch(p -> p.lang().equals("en"));
        assertThat(pool.hasLanguage("roleplay", "th")).isFalse();
        assertThat(pool.choices("roleplay", "en").get(0).messagesJson()).startsWith("[{\"role\":");
    }

    @Test
    void recordsCountForTheirPrimaryLabelAndKeepTheirMessages() throws IOException {
        Files.writeString(dir.resolve("roleplay.jsonl"), """
                {"id": "a", "lang": "en", "messages": [{"role": "system", "content": "You are Aria."}, {"role": "user", "content": "hi *waves*"}], "labels": {"usecase": ["roleplay"]}}
                {"id": "b", "lang": "de", "messages": [{"role": "user", "content": "schreib was"}], "labels": {"usecase": ["adult", "roleplay"]}}
                """);
        PromptPool pool = PromptPool.fromDirectory(dir, SimulationFixture.CATEGORIES);
        assertThat(pool.size("roleplay")).isEqualTo(1);
        assertThat(pool.size("adult")).isEqualTo(1);
        assertThat(pool.choices("roleplay", "fr").get(0).messagesJson())
                .isEqualTo("[{\"role\":\"system\",\"content\":\"You are Aria.\"},{\"role\":\"user\",\"content\":\"hi *waves*\"}]");
        // no English adult prompt: any language will do
        assertThat(pool.choices("adult", "fr")).extracting(PromptPool.Prompt::id).containsExactly("b");
        assertThat(pool.choices("legal", "en")).isEmpty();
    }

    @Test
    void aBadCorpusLineIsAnErrorNamingFileAndLine() throws IOException {
        Files.writeString(dir.resolve("legal.jsonl"), "{\"id\": \"x\", \"messages\": [], \"labels\": {\"usecase\": [\"legal\"]}}\n");
        assertThatThrownBy(() -> PromptPool.fromDirectory(dir, SimulationFixture.CATEGORIES))
                .isInstanceOf(CensusException.class).hasMessageContaining("legal.jsonl:1: 'messages' must be a non-empty array")
                .extracting(e -> ((CensusException) e).code()).isEqualTo(ErrorCode.BAD_CORPUS);
    }

    @Test
    void theSimulatorRefusesACorpusWithoutAPlantedCategory() throws IOException {
        Files.writeString(dir.resolve("roleplay.jsonl"),
                "{\"id\": \"a\", \"lang\": \"en\", \"messages\": [{\"role\": \"user\", \"content\": \"be my knight\"}], \"labels\": {\"usecase\": [\"roleplay\"]}}\n");
        PromptPool pool = PromptPool.fromDirectory(dir, SimulationFixture.CATEGORIES);
        assertThatThrownBy(() -> new TrafficSimulator(SimulationFixture.PROFILE_LOADED, pool))
                .isInstanceOf(CensusException.class).hasMessageContaining("no prompt of category");
    }
}
