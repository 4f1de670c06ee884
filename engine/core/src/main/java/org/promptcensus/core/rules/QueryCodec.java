package org.promptcensus.core.rules;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;

/**
 * Writes parsed rule queries in a compact binary form and reads them back as equal Lucene
 * queries, without analysing anything. It takes the query types the classic parser builds from
 * terms, phrases, prefixes and AND / OR / NOT: boolean, boost, term, synonym (with unit term
 * boosts, as the parser makes them), phrase, multi-phrase and prefix queries (the last with the
 * parser's default settings). Anything else is not {@link #encodable} and is parsed from its source
 * at start-up: regexp and wildcard queries compile an automaton however they are made, which is
 * better done on the rule-compiler threads than while the file is read; spans, fuzzy and range
 * queries are rare.
 *
 * <p>Strings (fields and terms) are written once, in a table, and referred to by number.
 * A writer is used by one thread; {@link #read} is stateless and thread-safe.
 */
final class QueryCodec {
    private static final byte BOOL = 'B';
    private static final byte BOOST = 'b';
    private static final byte TERM = 'T';
    private static final byte SYNONYM = 'S';
    private static final byte PHRASE = 'P';
    private static final byte MULTI_PHRASE = 'M';
    private static final byte PREFIX = 'X';
    private static final BooleanClause.Occur[] OCCURS = BooleanClause.Occur.values();

    private QueryCodec() {
    }

    /**
     * @param q a parsed query
     * @return true when {@link Writer#write} can write it and {@link #read} gives back an equal query
     */
    static boolean encodable(Query q) {
        if (q instanceof BoostQuery b) {
            return encodable(b.getQuery());
        }
        if (q instanceof BooleanQuery bq) {
            return bq.clauses().stream().allMatch(c -> encodable(c.getQuery()));
        }
        return q instanceof TermQuery || q instanceof SynonymQuery || q instanceof PhraseQuery || q instanceof MultiPhraseQuery
                || q instanceof PrefixQuery;
    }

    /** Collects queries into a body and a string table. */
    static final class Writer {
        private final Map<String, Integer> strings = new HashMap<>();
        private final List<String> table = new ArrayList<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final DataOutputStream body = new DataOutputStream(bytes);

        /** @param s a string to write by its number in the table */
        void string(String s) throws IOException {
            Integer id = strings.get(s);
            if (id == null) {
                id = table.size();
                strings.put(s, id);
                table.add(s);
            }
            varInt(body, id);
        }

        /** @param v a non-negative number */
        void number(int v) throws IOException {
            varInt(body, v);
        }

        /** @param h a 64-bit hash */
        void hash(long h) throws IOException {
            body.writeLong(h);
        }

        /** @param q an {@link #encodable} query */
        void write(Query q) throws IOException {
            if (q instanceof BoostQuery b) {
                body.writeByte(BOOST);
                body.writeFloat(b.getBoost());
                write(b.getQuery());
            } else if (q instanceof BooleanQuery bq) {
                body.writeByte(BOOL);
                varInt(body, bq.getMinimumNumberShouldMatch());
                varInt(body, bq.clauses().size());
                for (BooleanClause c : bq.clauses()) {
                    body.writeByte(c.getOccur().ordinal());
                    write(c.getQuery());
                }
            } else if (q instanceof TermQuery t) {
                term(TERM, t.getTerm());
            } else if (q instanceof SynonymQuery s) {
                body.writeByte(SYNONYM);
                string(s.getField());
                varInt(body, s.getTerms().size());
                for (Term t : s.getTerms()) {
                    string(t.text());
                }
            } else if (q instanceof PhraseQuery p) {
                body.writeByte(PHRASE);
                string(p.getField());
                varInt(body, p.getSlop());
                Term[] terms = p.getTerms();
                varInt(body, terms.length);
                for (int i = 0; i < terms.length; i++) {
                    string(terms[i].text());
                    varInt(body, p.getPositions()[i]);
                }
            } else if (q instanceof MultiPhraseQuery m) {
                body.writeByte(MULTI_PHRASE);
                Term[][] arrays = m.getTermArrays();
                string(arrays[0][0].field());
                varInt(body, m.getSlop());
                varInt(body, arrays.length);
                for (int i = 0; i < arrays.length; i++) {
                    varInt(body, m.getPositions()[i]);
                    varInt(body, arrays[i].length);
                    for (Term t : arrays[i]) {
                        string(t.text());
                    }
                }
            } else if (q instanceof PrefixQuery p) {
                term(PREFIX, p.getPrefix());
            } else {
                throw new IllegalArgumentException("not encodable: " + q.getClass().getSimpleName());
            }
        }

        /** Writes a kind of single-term query: its field and its term text. */
        private void term(byte kind, Term t) throws IOException {
            body.writeByte(kind);
            string(t.field());
            string(t.text());
        }

        /** Writes the string table, then the body. */
        void finish(DataOutputStream out) throws IOException {
            body.flush();
            varInt(out, table.size());
            for (String s : table) {
                out.writeUTF(s);
            }
            varInt(out, bytes.size());
            bytes.writeTo(out);
        }
    }

    /**
     * Reads what {@link Writer#finish} wrote.
     *
     * @param in the stream
     * @return the string table and a stream over the body
     */
    static Body readBody(DataInputStream in) throws IOException {
        String[] strings = new String[varInt(in)];
        for (int i = 0; i < strings.length; i++) {
            strings[i] = in.readUTF();
        }
        int length = varInt(in);
        byte[] body = in.readNBytes(length);
        if (body.length != length) {
            throw new IOException("truncated");
        }
        return new Body(strings, new DataInputStream(new java.io.ByteArrayInputStream(body)));
    }

    /** A body to read queries and strings from, in the order they were written. */
    record Body(String[] strings, DataInputStream in) {
        String string() throws IOException {
            return strings[varInt(in)];
        }

        int number() throws IOException {
            return varInt(in);
        }

        long hash() throws IOException {
            return in.readLong();
        }

        Query query() throws IOException {
            return read(this);
        }
    }

    private static Query read(Body b) throws IOException {
        DataInputStream in = b.in();
        byte kind = in.readByte();
        switch (kind) {
            case BOOST -> {
                float boost = in.readFloat();
                return new BoostQuery(read(b), boost);
            }
            case BOOL -> {
                BooleanQuery.Builder builder = new BooleanQuery.Builder();
                builder.setMinimumNumberShouldMatch(varInt(in));
                int n = varInt(in);
                for (int i = 0; i < n; i++) {
                    BooleanClause.Occur occur = OCCURS[in.readByte()];
                    builder.add(read(b), occur);
                }
                return builder.build();
            }
            case TERM -> {
                return new TermQuery(term(b));
            }
            case SYNONYM -> {
                String field = b.string();
                SynonymQuery.Builder builder = new SynonymQuery.Builder(field);
                int n = varInt(in);
                for (int i = 0; i < n; i++) {
                    builder.addTerm(new Term(field, b.string()));
                }
                return builder.build();
            }
            case PHRASE -> {
                String field = b.string();
                PhraseQuery.Builder builder = new PhraseQuery.Builder();
                builder.setSlop(varInt(in));
                int n = varInt(in);
                for (int i = 0; i < n; i++) {
                    String text = b.string();
                    builder.add(new Term(field, text), varInt(in));
                }
                return builder.build();
            }
            case MULTI_PHRASE -> {
                String field = b.string();
                MultiPhraseQuery.Builder builder = new MultiPhraseQuery.Builder();
                builder.setSlop(varInt(in));
                int n = varInt(in);
                for (int i = 0; i < n; i++) {
                    int position = varInt(in);
                    Term[] terms = new Term[varInt(in)];
                    for (int j = 0; j < terms.length; j++) {
                        terms[j] = new Term(field, b.string());
                    }
                    builder.add(terms, position);
                }
                return builder.build();
            }
            case PREFIX -> {
                return new PrefixQuery(term(b));
            }
            default -> throw new IOException("unknown query kind " + kind);
        }
    }

    /** Reads a field and a term text. */
    private static Term term(Body b) throws IOException {
        String field = b.string();
        return new Term(field, b.string());
    }

    private static void varInt(DataOutputStream out, int v) throws IOException {
        while ((v & ~0x7F) != 0) {
            out.writeByte((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out.writeByte(v);
    }

    private static int varInt(DataInputStream in) throws IOException {
        int v = 0;
        for (int shift = 0; shift < 32; shift += 7) {
            int b = in.readUnsignedByte();
            v |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw new IOException("malformed number");
    }
}
