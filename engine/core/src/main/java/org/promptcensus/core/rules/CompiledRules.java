package org.promptcensus.core.rules;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.search.Query;
import org.promptcensus.api.CensusException;
import org.promptcensus.api.ErrorCode;
import org.promptcensus.core.analysis.AnalysisFingerprint;
import org.promptcensus.core.analysis.LanguageAnalyzers;
import org.promptcensus.core.taxonomy.CategoryRules;
import org.promptcensus.core.taxonomy.RuleDefinition;
import org.promptcensus.core.taxonomy.Taxonomy;

/**
 * A taxonomy's rule queries as the query parser made them, per analysis group, stored next to
 * its model ({@value #FILE}) so that an engine starts without parsing and analysing tens of
 * thousands of rule terms again (most of its start-up otherwise). Written at build time by
 * {@code TrainMain}; read with the taxonomy.
 *
 * <p>It can never change what a rule matches, only how fast the rules compile:
 * <ul>
 *   <li>each query is stored with a hash of its rule's source text: a rule edited since is parsed
 *       again, as is a rule absent from the file or whose query type the file cannot hold;</li>
 *   <li>the file carries the {@link AnalysisFingerprint} of the analyzers that parsed it, and
 *       {@link RuleIndex} ignores it under other analyzers, and also when a spot check of re-parsed
 *       rules finds a query that differs.</li>
 * </ul>
 *
 * <p>Immutable once read: thread-safe.
 */
public final class CompiledRules {
    /** The file name, next to {@code model.bin}. */
    public static final String FILE = "rules.bin";
    private static final String MAGIC = "prompt-census compiled rules";
    private static final int FORMAT = 1;

    private record Entry(long sourceHash, Query query) {
    }

    private final String fingerprint;
    private final Map<String, Entry> entries;

    private CompiledRules(String fingerprint, Map<String, Entry> entries) {
        this.fingerprint = fingerprint;
        this.entries = entries;
    }

    /**
     * Parses every rule of a taxonomy for every analysis group it applies to.
     *
     * @param taxonomy the taxonomy
     * @param analyzers the analyzers
     * @return its compiled rules
     * @throws CensusException BAD_RULE naming a rule that does not compile
     */
    public static CompiledRules compile(Taxonomy taxonomy, LanguageAnalyzers analyzers) {
        Map<String, Entry> entries = new HashMap<>();
        for (String group : RuleIndex.GROUPS) {
            for (CategoryRules cr : taxonomy.rules()) {
                for (RuleDefinition r : cr.rules()) {
                    if (RuleIndex.appliesTo(r, group)) {
                        Query q = RuleIndex.parse(taxonomy, cr.category(), r, analyzers.forLanguage(group));
                        if (QueryCodec.encodable(q)) {
                            entries.put(key(group, cr.category(), r.id()), new Entry(hash(r.query()), q));
                        }
                    }
                }
            }
        }
        return new CompiledRules(AnalysisFingerprint.of(analyzers), entries);
    }

    /**
     * Writes these compiled rules next to a taxonomy's model, atomically (a temporary file moved
     * into place), so that an engine never reads a half-written file.
     *
     * @param model the model file ({@code model.bin}); the rules go into its folder
     * @return the file written
     * @throws IOException on write failure
     */
    public Path writeNextTo(Path model) throws IOException {
        Path target = model.toAbsolutePath().resolveSibling(FILE);
        Path tmp = Files.createTempFile(target.getParent(), "rules", ".tmp");
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(tmp))) {
            write(os);
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    /**
     * @param out where to write (not closed)
     * @throws IOException on write failure
     */
    public void write(OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        data.writeUTF(MAGIC);
        data.writeInt(FORMAT);
        data.writeUTF(fingerprint);
        QueryCodec.Writer writer = new QueryCodec.Writer();
        writer.number(entries.size());
        for (Map.Entry<String, Entry> e : entries.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
            writer.string(e.getKey());
            writer.hash(e.getValue().sourceHash());
            writer.write(e.getValue().query());
        }
        writer.finish(data);
        data.flush();
    }

    /**
     * @param in the stream (not closed)
     * @param where the file, for messages
     * @return the compiled rules
     * @throws CensusException BAD_MODEL when the file is not compiled rules of this format
     */
    public static CompiledRules read(InputStream in, String where) {
        try {
            DataInputStream data = new DataInputStream(in);
            if (!MAGIC.equals(data.readUTF()) || data.readInt() != FORMAT) {
                throw new CensusException(ErrorCode.BAD_MODEL, where + ": not compiled rules of this version; rebuild the taxonomy");
            }
            String fingerprint = data.readUTF();
            QueryCodec.Body body = QueryCodec.readBody(data);
            int n = body.number();
            Map<String, Entry> entries = new HashMap<>(n * 2);
            for (int i = 0; i < n; i++) {
                String key = body.string();
                long hash = body.hash();
                entries.put(key, new Entry(hash, body.query()));
            }
            return new CompiledRules(fingerprint, entries);
        } catch (IOException | RuntimeException e) {
            if (e instanceof CensusException ce) {
                throw ce;
            }
            throw new CensusException(ErrorCode.BAD_MODEL, where + ": unreadable compiled rules: " + e.getMessage(), e);
        }
    }

    /** @return the fingerprint of the analyzers that parsed these rules */
    String fingerprint() {
        return fingerprint;
    }

    /** @return the number of stored queries (per-group rule variants) */
    public int size() {
        return entries.size();
    }

    /**
     * @param group an analysis group
     * @param category the rule's category
     * @param rule the rule as defined now
     * @return its parsed query for that group, or null when it is not stored or its source changed
     */
    Query get(String group, String category, RuleDefinition rule) {
        Entry e = entries.get(key(group, category, rule.id()));
        return e == null || e.sourceHash() != hash(rule.query()) ? null : e.query();
    }

    private static String key(String group, String category, String id) {
        return group + '\u0000' + category + '\u0000' + id;
    }

    /** 64-bit FNV-1a over the characters of a rule's source. */
    private static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return h ^ s.length();
    }
}
