package org.promptcensus.core.mix;

import java.util.HashSet;
import java.util.Set;

/**
 * The running totals of one (group, period, facet value) cell. Users are counted only up to the
 * privacy floor: a cell needs to know whether it has k distinct users, not how many, so memory per
 * cell stays bounded. Not thread-safe; merge per-thread cells with {@link #merge}.
 */
final class Cell {
    double requests;
    double tokens;
    double promptTokens;
    double completionTokens;
    double reasoningTokens;
    double toolRequests;
    /**
     * The sum over records of weight x tokens²: with {@link #tokens} it gives the effective sample
     * size of token-weighted shares, (Σw)² / Σw². 0 with tokens above 0 means unknown (a snapshot
     * taken before this was kept).
     */
    double tokenSquares;
    private final int userCap;
    private Set<String> users;

    Cell(int userCap) {
        this.userCap = userCap;
    }

    void add(MixRecord r, double weight) {
        requests += weight;
        long t = r.tokens();
        tokens += weight * t;
        tokenSquares += weight * ((double) t * t);
        var u = r.usage();
        promptTokens += weight * (u.promptTokens() == null ? 0 : u.promptTokens());
        completionTokens += weight * (t - (u.promptTokens() == null ? 0 : u.promptTokens()));
        reasoningTokens += weight * (u.reasoningTokens() == null ? 0 : u.reasoningTokens());
        if (r.toolCall()) {
            toolRequests += weight;
        }
        addUser(r.user());
    }

    void addUser(String user) {
        if (user == null || userCap == 0) {
            return;
        }
        if (users == null) {
            users = new HashSet<>();
        }
        if (users.size() < userCap) {
            users.add(user);
        }
    }

    void merge(Cell other) {
        requests += other.requests;
        tokens += other.tokens;
        promptTokens += other.promptTokens;
        completionTokens += other.completionTokens;
        reasoningTokens += other.reasoningTokens;
        toolRequests += other.toolRequests;
        tokenSquares += other.tokenSquares;
        if (other.users != null) {
            other.users.forEach(this::addUser);
        }
    }

    /** @return the distinct users held (at most the cap), for snapshots */
    java.util.List<String> userIds() {
        return users == null ? java.util.List.of() : java.util.List.copyOf(users);
    }

    /** @return distinct users seen, counted up to the cap */
    int users() {
        return users == null ? 0 : users.size();
    }
}
