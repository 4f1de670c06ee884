package org.promptcensus.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TermTableTest {
    @Test
    void holdsEveryTermThroughGrowth() {
        TermTable<List<Integer>> table = new TermTable<>();
        for (int i = 0; i < 5000; i++) {
            table.computeIfAbsent("t" + i, ArrayList::new).add(i);
            table.computeIfAbsent("t" + i, ArrayList::new).add(-i);
        }
        assertThat(table.size()).isEqualTo(5000);
        for (int i = 0; i < 5000; i++) {
            assertThat(table.get("t" + i)).containsExactly(i, -i);
        }
        assertThat(table.get("absent")).isNull();
        TermTable<int[]> ints = new TermTable<>(2);
        ints.put("a", new int[] {1});
        ints.put("a", new int[] {2});
        assertThat(ints.get("a")).containsExactly(2);
        assertThat(ints.size()).isEqualTo(1);
    }

    @Test
    void spreadsChineseBigramsThatStringHashCodeCollides() {
        // String.hashCode is 31 * c1 + c2 for two characters: these 200 bigrams share one hash code
        List<String> colliding = new ArrayList<>();
        for (int k = 0; k < 200; k++) {
            colliding.add(new String(new char[] {(char) (0x4E00 + k), (char) (0x8000 - 31 * k)}));
        }
        assertThat(colliding.stream().map(String::hashCode).distinct().count()).isEqualTo(1);
        Set<Integer> slots = new HashSet<>();
        colliding.forEach(s -> slots.add(TermTable.hash(s) & 1023));
        assertThat(slots.size()).isGreaterThan(150);
    }
}
