package org.promptcensus.core.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BorrowedCorpusChoiceTest {
    @Test
    void aboutOneInEveryIsChosenByIdAlone() {
        long chosen = IntStream.range(0, 8000).filter(i -> BorrowedCorpus.chosen("seed-general_qa-en-" + i, 4)).count();
        assertThat(chosen).isBetween(1800L, 2200L);
        // the choice depends on the id only: the same id is chosen or not wherever it stands in the corpus
        for (int i = 0; i < 100; i++) {
            String id = "seed-adult-zh-r" + i;
            assertThat(BorrowedCorpus.chosen(id, 4)).isEqualTo(BorrowedCorpus.chosen(new String(id.toCharArray()), 4));
        }
    }

    @Test
    void everyOneTakesAll() {
        assertThat(IntStream.range(0, 100).allMatch(i -> BorrowedCorpus.chosen("x" + i, 1))).isTrue();
    }
}
