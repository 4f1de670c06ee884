package org.promptcensus.plugins.googlenl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.promptcensus.api.CensusException;
import org.promptcensus.core.taxonomy.Taxonomy;
import org.promptcensus.core.taxonomy.TaxonomyBundle;

class CrosswalkTest {
    private final Crosswalk crosswalk = Crosswalk.bundled();

    @Test
    void mapsEveryRootOfTheV2Taxonomy() {
        Map<String, String> roots = new LinkedHashMap<>();
        roots.put("/Adult", "adult");
        roots.put("/Arts & Entertainment", "general_qa");
        roots.put("/Autos & Vehicles", "other");
        roots.put("/Beauty & Fitness", "other");
        roots.put("/Books & Literature", "creative_writing");
        roots.put("/Business & Industrial", "business");
        roots.put("/Computers & Electronics", "technology");
        roots.put("/Finance", "finance");
        roots.put("/Food & Drink", "general_qa");
        roots.put("/Games", "other");
        roots.put("/Health", "health");
        roots.put("/Hobbies & Leisure", "general_qa");
        roots.put("/Home & Garden", "general_qa");
        roots.put("/Internet & Telecom", "technology");
        roots.put("/Jobs & Education", "other");
        roots.put("/Law & Government", "other");
        roots.put("/News", "general_qa");
        roots.put("/Online Communities", "other");
        roots.put("/People & Society", "general_qa");
        roots.put("/Pets & Animals", "other");
        roots.put("/Real Estate", "other");
        roots.put("/Reference", "other");
        roots.put("/Science", "science_math");
        roots.put("/Sensitive Subjects", "other");
        roots.put("/Shopping", "other");
        roots.put("/Sports", "general_qa");
        roots.put("/Travel & Transportation", "general_qa");
        assertThat(roots).hasSize(27);
        roots.forEach((path, id) -> assertThat(crosswalk.map(path)).as(path).isEqualTo(id));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // the usage study's crosswalk
        "/Computers & Electronics/Programming|programming",
        "/Computers & Electronics/Programming/Java (Programming Language)|programming",
        "/Games/Roleplaying Games|roleplay",
        "/Reference/Language Resources/Foreign Language Resources|translation",
        "/Reference/Language Resources/Dictionaries & Encyclopedias|translation",
        "/Reference/General Reference/Biographies & Quotations|general_qa",
        "/Computers & Electronics/Software/Business & Productivity Software|productivity",
        "/Computers & Electronics/Software/Business & Productivity Software/Word Processing Software|productivity",
        "/Jobs & Education/Education/Homework Help & Tutoring|education",
        "/Books & Literature/Poetry|creative_writing",
        "/Adult|adult",
        // topics with a usecase category
        "/Health/Medical Facilities & Services|health",
        "/Law & Government/Legal/Legal Services|legal",
        "/Law & Government/Government|other",
        "/Finance/Investing|finance",
        "/Business & Industrial/Advertising & Marketing/Marketing|marketing",
        "/Internet & Telecom/Web Services/Search Engine Optimization & Marketing|marketing",
        "/Business & Industrial/Business Operations|business",
        "/Internet & Telecom/Mobile & Wireless|technology",
        "/Computers & Electronics/Consumer Electronics|technology",
        "/Computers & Electronics/Software|technology",
        "/Science/Mathematics/Statistics|science_math",
        "/Games/Computer & Video Games|other",
        "/Travel|general_qa",
        "/Travel & Transportation/Hotels & Accommodations|general_qa",
        // spelling tolerance and unknown paths
        "/computers & electronics/programming/|programming",
        "  /Adult/  |adult",
        "/Unheard Of/Thing|other",
        "/Adulthood|other",
    })
    void mapsPathsByLongestPrefix(String path, String id) {
        assertThat(crosswalk.map(path)).isEqualTo(id);
    }

    @Test
    void everyTargetIsAUsecaseCategory() {
        Taxonomy usecase = TaxonomyBundle.fromClasspath(getClass().getClassLoader(), "usecase").orElseThrow().taxonomy();
        assertThat(usecase.categoryIds()).containsAll(crosswalk.mappings().values()).contains(crosswalk.fallback());
    }

    @Test
    void rejectsABrokenFile() {
        assertThatThrownBy(() -> Crosswalk.read(stream("default: other\nmappings:\n  Adult: adult\n"), "x.yaml"))
                .isInstanceOf(CensusException.class).hasMessageContaining("x.yaml").hasMessageContaining("Adult");
        assertThatThrownBy(() -> Crosswalk.read(stream("mappings: {}\n"), "x.yaml"))
                .isInstanceOf(CensusException.class).hasMessageContaining("default");
        assertThatThrownBy(() -> Crosswalk.read(stream("default: other\nmappings: {}\nextra: 1\n"), "x.yaml"))
                .isInstanceOf(CensusException.class).hasMessageContaining("extra");
    }

    private static ByteArrayInputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
