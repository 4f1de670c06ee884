package org.promptcensus.core.fusion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.promptcensus.api.Evidence;
import org.promptcensus.api.Tag;
import org.promptcensus.api.TagSet;
import org.promptcensus.core.TestTaxonomies;
import org.promptcensus.core.model.Prediction;
import org.promptcensus.core.rules.RuleHit;

class FuserTest {
    private final Fuser fuser = new Fuser(TestTaxonomies.mini().taxonomy());

    private static Prediction p(double code, double chat, double companion, double other) {
        return new Prediction(Map.of("code", code, "chat", chat, "chat/companion", companion, "other", other), Map.of());
    }

    @Test
    void modelAloneDecidesWhenNoRuleFires() {
        TagSet s = fuser.fuse(p(0.8, 0.1, 0.05, 0.05), List.of(), false);
        assertThat(s.tags()).extracting(Tag::id).containsExactly("code");
        assertThat(s.tags().get(0).score()).isCloseTo(0.8, org.assertj.core.data.Offset.offset(1e-3));
    }

    @Test
    void ruleEvidenceRaisesAndLowersScores() {
        TagSet s = fuser.fuse(p(0.3, 0.3, 0.2, 0.2), List.of(new RuleHit("chat", "card", 3), new RuleHit("code", "x", -2)), false);
        assertThat(s.primary().orElseThrow().id()).isEqualTo("chat");
        assertThat(s.has("code")).isFalse();
    }

    @Test
    void multiLabelIsSortedBestFirst() {
        TagSet s = fuser.fuse(p(0.45, 0.45, 0.05, 0.05), List.of(new RuleHit("code", "a", 2), new RuleHit("chat", "b", 1)), false);
        assertThat(s.tags()).extracting(Tag::id).containsExactly("code", "chat");
    }

    @Test
    void fallbackWhenNothingPasses() {
        TagSet s = fuser.fuse(p(0.3, 0.3, 0.2, 0.2), List.of(), false);
        assertThat(s.tags()).extracting(Tag::id).containsExactly("other");
        assertThat(s.tags().get(0).score()).isCloseTo(0.7, org.assertj.core.data.Offset.offset(1e-3));
    }

    @Test
    void theFallbackExplainsTheRulesThatFellShort() {
        TagSet s = fuser.fuse(p(0.3, 0.3, 0.2, 0.2), List.of(new RuleHit("code", "weak-hint", 0.1)), true);
        assertThat(s.tags()).extracting(Tag::id).containsExactly("other");
        assertThat(s.tags().get(0).evidence()).extracting(Evidence::source).containsExactly("p(other)", "code:weak-hint");
    }

    @Test
    void subcategoryNeedsItsParent() {
        TagSet alone = fuser.fuse(p(0.1, 0.1, 0.7, 0.1), List.of(), false);
        assertThat(alone.has("chat/companion")).isFalse();
        TagSet both = fuser.fuse(p(0.1, 0.6, 0.7, 0.1), List.of(), false);
        assertThat(both.has("chat/companion")).isTrue();
    }

    @Test
    void rulesOnlyTaxonomyUsesTheUniformPrior() {
        TagSet s = fuser.fuse(null, List.of(new RuleHit("code", "fence", 3)), true);
        assertThat(s.primary().orElseThrow().id()).isEqualTo("code");
        assertThat(s.tags().get(0).evidence()).extracting(Evidence::source).containsExactly("code:fence");
    }
}
