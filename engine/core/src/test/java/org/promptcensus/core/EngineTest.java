package org.promptcensus.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.promptcensus.api.CensusException;
import org.promptcensus.api.ErrorCode;
import org.promptcensus.api.Request;
import org.promptcensus.api.Role;
import org.promptcensus.api.TaggedRequest;

class EngineTest {
    private static final Engine ENGINE = Engine.builder().taxonomy(TestTaxonomies.mini()).build();

    @AfterAll
    static void close() {
        ENGINE.close();
    }

    @Test
    void tagsWithRulesAndDetectsLanguage() {
        TaggedRequest t = ENGINE.tag(Request.ofText("1", "这个代码报错了"), false);
        assertThat(t.lang()).isEqualTo("zh");
        assertThat(t.primary("mini")).contains("code");
        TaggedRequest card = ENGINE.tag(Request.builder("2").message(Role.SYSTEM, "Persona: {{char}} is my girlfriend")
                .message(Role.USER, "hi").build(), true);
        assertThat(card.tags("mini").orElseThrow().tags()).extracting(t2 -> t2.id()).contains("chat", "chat/companion");
        assertThat(card.tags("mini").orElseThrow().tags().get(0).evidence()).isNotEmpty();
    }

    @Test
    void fallsBackToOther() {
        assertThat(ENGINE.tag(Request.ofText("1", "good morning"), false).primary("mini")).contains("other");
    }

    @Test
    void emptyTextIsANoTextError() {
        assertThatThrownBy(() -> ENGINE.tag(Request.ofText("1", "   "), false))
                .isInstanceOfSatisfying(CensusException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NO_TEXT));
    }

    @Test
    void duplicateTaxonomyIsRejected() {
        assertThatThrownBy(() -> Engine.builder().taxonomy(TestTaxonomies.mini()).taxonomy(TestTaxonomies.mini()))
                .isInstanceOf(CensusException.class).hasMessageContaining("defined twice");
    }

    @Test
    void concurrentTaggingGivesTheSameResultsAsSequential() throws Exception {
        List<Request> requests = new ArrayList<>();
        String[] texts = {"act as a linux terminal", "这个代码报错了", "be my girlfriend", "stack trace below", "hello", "```x```"};
        for (int i = 0; i < 600; i++) {
            requests.add(Request.ofText(String.valueOf(i), texts[i % texts.length] + " " + i));
        }
        List<TaggedRequest> sequential = requests.stream().map(r -> ENGINE.tag(r, false)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<TaggedRequest>> futures = new ArrayList<>();
            for (Request r : requests) {
                futures.add(pool.submit(() -> ENGINE.tag(r, false)));
            }
            for (int i = 0; i < requests.size(); i++) {
                assertThat(futures.get(i).get().tagSets()).isEqualTo(sequential.get(i).tagSets());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
