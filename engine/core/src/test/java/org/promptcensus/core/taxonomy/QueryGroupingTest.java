package org.promptcensus.core.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueryGroupingTest {
    @Test
    void aMixInOneLevelIsFound() {
        assertThat(QueryGrouping.ungroupedMix("dan OR stan AND \"avoid norms\"~3")).isPresent();
        assertThat(QueryGrouping.ungroupedMix("a OR (b OR c AND d)")).get().asString().startsWith("(b OR c AND d)");
    }

    @Test
    void bracketedGroupsQuotedWordsAndNotAreFine() {
        assertThat(QueryGrouping.ungroupedMix("a OR (b AND c)")).isEmpty();
        assertThat(QueryGrouping.ungroupedMix("(a OR b) AND NOT (c OR d)")).isEmpty();
        assertThat(QueryGrouping.ungroupedMix("\"rock AND roll\" OR jazz")).isEmpty();
        assertThat(QueryGrouping.ungroupedMix("shape:persona AND (writer OR poet) AND NOT copywriter")).isEmpty();
        assertThat(QueryGrouping.ungroupedMix("ORANGE ANDROID OR apple")).isEmpty();
    }
}
