package org.promptcensus.core.rules;

import java.util.function.Supplier;

/**
 * A string-keyed open-addressing table with a mixing hash of its own. {@link String#hashCode()}
 * collides heavily on Chinese bigrams ({@code 31 * c1 + c2} repeats across hundreds of character
 * pairs), which turns a {@link java.util.HashMap}'s buckets into trees; this table's hash spreads them.
 *
 * <p>Not thread-safe while being filled; safe to read from many threads once filled.
 *
 * @param <V> the value type
 */
final class TermTable<V> {
    private String[] keys;
    private Object[] values;
    private int size;

    /** An empty table. */
    TermTable() {
        this(8);
    }

    /** @param expected how many terms it will likely hold */
    TermTable(int expected) {
        int capacity = Integer.highestOneBit(Math.max(8, expected * 2 - 1)) << 1;
        keys = new String[capacity];
        values = new Object[capacity];
    }

    /**
     * @param term a term
     * @return a well-spread 32-bit hash: the string's own (cached) hash code with its first
     *         character, mixed. The first character separates the two-character strings whose
     *         {@code 31 * c1 + c2} collide, at no cost per character.
     */
    static int hash(String term) {
        int h = term.hashCode() * 0x9e3779b9 + (term.isEmpty() ? 0 : term.charAt(0));
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        return h ^ (h >>> 16);
    }

    /**
     * @param term a term
     * @return its value, or null
     */
    @SuppressWarnings("unchecked")
    V get(String term) {
        int mask = keys.length - 1;
        for (int i = hash(term) & mask; keys[i] != null; i = (i + 1) & mask) {
            if (keys[i].equals(term)) {
                return (V) values[i];
            }
        }
        return null;
    }

    /**
     * @param term a term
     * @param create makes its value when it has none
     * @return its value
     */
    V computeIfAbsent(String term, Supplier<V> create) {
        V known = get(term);
        if (known != null) {
            return known;
        }
        V value = create.get();
        add(term, value);
        return value;
    }

    /**
     * @param term a term
     * @param value its new value (replaces any)
     */
    void put(String term, V value) {
        int mask = keys.length - 1;
        for (int i = hash(term) & mask; keys[i] != null; i = (i + 1) & mask) {
            if (keys[i].equals(term)) {
                values[i] = value;
                return;
            }
        }
        add(term, value);
    }

    /** @return the number of terms */
    int size() {
        return size;
    }

    /** Adds a term known to be absent. */
    private void add(String term, Object value) {
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        insert(term, value);
        size++;
    }

    private void insert(String term, Object value) {
        int mask = keys.length - 1;
        int i = hash(term) & mask;
        while (keys[i] != null) {
            i = (i + 1) & mask;
        }
        keys[i] = term;
        values[i] = value;
    }

    private void grow() {
        String[] oldKeys = keys;
        Object[] oldValues = values;
        keys = new String[oldKeys.length * 2];
        values = new Object[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                insert(oldKeys[i], oldValues[i]);
            }
        }
    }
}
