package org.promptcensus.core.taxonomy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.promptcensus.api.CensusException;
import org.promptcensus.api.Category;
import org.promptcensus.api.ErrorCode;

/**
 * Reads a taxonomy from its {@link TaxonomySource}. Strict: an unknown key, a duplicate id, a
 * rules file for an unknown category or a missing field is an error naming the file.
 *
 * <p>Thread-safe.
 */
public final class TaxonomyLoader {
    /** The definition file of a taxonomy. */
    public static final String DEFINITION = "taxonomy.yaml";
    /** The trained model of a taxonomy. */
    public static final String MODEL = "model.bin";

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    /** The definition file's shape. */
    record TaxonomyFile(String id, Integer version, String description, String fallback, LabelScheme labels,
                        FusionSettings fusion, TrainingSettings training, List<CategoryFile> categories) {
    }

    /** A category entry of the definition file. */
    record CategoryFile(String id, String description, Double threshold) {
    }

    /** A rules file's shape. */
    record RulesFile(String category, List<RuleFile> rules) {
    }

    /** A rule entry of a rules file. */
    record RuleFile(String id, String query, Double weight, List<String> lang) {
    }

    /**
     * @param source where the taxonomy is
     * @return the taxonomy
     * @throws CensusException BAD_TAXONOMY when it is invalid
     */
    public Taxonomy load(TaxonomySource source) {
        TaxonomyFile def = read(source, DEFINITION, TaxonomyFile.class)
                .orElseThrow(() -> new CensusException(ErrorCode.BAD_TAXONOMY,
                        source.describe(DEFINITION) + ": no taxonomy definition there"));
        String where = source.describe(DEFINITION);
        require(def.id() != null && def.id().matches("[a-z][a-z0-9_-]*"), where, "'id' must be a lower-case id");
        require(def.categories() != null && !def.categories().isEmpty(), where, "'categories' is empty");
        List<Category> categories = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (CategoryFile c : def.categories()) {
            require(c.id() != null, where, "a category has no 'id'");
            require(ids.add(c.id()), where, "category '" + c.id() + "' is defined twice");
            try {
                categories.add(new Category(c.id(), c.description() == null ? "" : c.description(),
                        c.threshold() == null ? 0.5 : c.threshold()));
            } catch (CensusException e) {
                throw new CensusException(ErrorCode.BAD_TAXONOMY, where + ": " + e.getMessage());
            }
        }
        for (Category c : categories) {
            require(!c.isSubcategory() || ids.contains(c.parentId()), where,
                    "subcategory '" + c.id() + "' has no parent category '" + c.parentId() + "'");
        }
        if (def.fusion() != null) {
            for (String c : def.fusion().categoryBias().keySet()) {
                require(ids.contains(c), where, "fusion.categoryBias names '" + c + "', which is not a category");
            }
        }
        require(def.fallback() == null || ids.contains(def.fallback()), where,
                "fallback '" + def.fallback() + "' is not a category");
        TrainingSettings training = def.training() == null ? TrainingSettings.DEFAULT : def.training();
        for (String c : training.repeat().keySet()) {
            require(ids.contains(c), where, "training.repeat names '" + c + "', which is not a category");
        }
        if (training.borrow() != null) {
            require(ids.contains(training.borrow().as()), where,
                    "training.borrow.as names '" + training.borrow().as() + "', which is not a category");
            for (String c : training.borrow().map().values()) {
                require(ids.contains(c) || TrainingSettings.Borrow.SKIP.equals(c), where,
                        "training.borrow.map names '" + c + "', which is not a category (or skip)");
            }
        }

        List<CategoryRules> rules = new ArrayList<>();
        for (Category c : categories) {
            String path = "rules/" + c.id().replace('/', '.') + ".yaml";
            Optional<RulesFile> file = read(source, path, RulesFile.class);
            if (file.isEmpty()) {
                continue;
            }
            String rulesWhere = source.describe(path);
            RulesFile rf = file.get();
            require(c.id().equals(rf.category()), rulesWhere,
                    "'category' is '" + rf.category() + "' but the file is for '" + c.id() + "'");
            List<RuleDefinition> defs = new ArrayList<>();
            Set<String> ruleIds = new HashSet<>();
            for (RuleFile r : rf.rules() == null ? List.<RuleFile>of() : rf.rules()) {
                require(r.id() != null && !r.id().isBlank(), rulesWhere, "a rule has no 'id'");
                require(ruleIds.add(r.id()), rulesWhere, "rule '" + r.id() + "' is defined twice");
                require(r.query() != null && !r.query().isBlank(), rulesWhere, "rule '" + r.id() + "' has no 'query'");
                require(r.weight() != null && Double.isFinite(r.weight()), rulesWhere,
                        "rule '" + r.id() + "' has no numeric 'weight'");
                Optional<String> mix = QueryGrouping.ungroupedMix(r.query());
                require(mix.isEmpty(), rulesWhere, "rule '" + r.id() + "' mixes AND and OR without brackets at '"
                        + mix.orElse("") + "' (the parser reads 'a OR b AND c' as 'b AND c'; write 'a OR (b AND c)')");
                defs.add(new RuleDefinition(r.id(), r.query(), r.weight(), r.lang()));
            }
            rules.add(new CategoryRules(c.id(), defs));
        }
        return new Taxonomy(def.id(), def.version() == null ? 1 : def.version(),
                def.description() == null ? "" : def.description(), def.fallback(), categories, rules,
                def.fusion() == null ? FusionSettings.DEFAULT : def.fusion(), source.describe(""),
                def.labels() == null ? LabelScheme.SINGLE : def.labels(), training);
    }

    private <T> Optional<T> read(TaxonomySource source, String path, Class<T> type) {
        try (InputStream in = source.open(path).orElse(null)) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(yaml.readValue(in, type));
        } catch (UnrecognizedPropertyException e) {
            throw new CensusException(ErrorCode.BAD_TAXONOMY, source.describe(path) + ": unknown key '"
                    + e.getPropertyName() + "' (line " + e.getLocation().getLineNr() + "); known keys: "
                    + e.getKnownPropertyIds(), e);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
            throw new CensusException(ErrorCode.BAD_TAXONOMY, source.describe(path) + ":" + line + ": "
                    + e.getOriginalMessage().lines().findFirst().orElse(""), e);
        } catch (IOException e) {
            throw new CensusException(ErrorCode.IO, source.describe(path) + ": " + e.getMessage(), e);
        }
    }

    private static void require(boolean ok, String where, String what) {
        if (!ok) {
            throw new CensusException(ErrorCode.BAD_TAXONOMY, where + ": " + what);
        }
    }
}
