package org.promptcensus.core.simulate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The simulated users and their retention. Each user has a home model, the model of their first
 * request (chosen by the day's shares), and sends every request to it. At the start of each calendar
 * month an active user stops with the model's {@code monthly_churn} and a lapsed user comes back with
 * its {@code comeback}, so a cohort's active share after k months follows the two-state chain the
 * profile's header describes (about 44% at month 5 for churn 0.17, comeback 0.04).
 *
 * <p>New users arrive when a model's active users fall short of its target for the month: its
 * expected requests that month divided by a rate per active user-month, one rate for all models,
 * chosen so that the expected number of distinct users over the period is the requested one. Every
 * active user sends at least one request in each active month (pending users are served first,
 * spread over the month), so activity measured from the log shows the planted retention; the rest
 * of a model's requests go to its active users by weight: log-normal, with
 * {@value #HEAVY_SHARE_PERCENT}% heavy users weighing {@value #HEAVY_FACTOR} times more.
 *
 * <p>Not thread-safe: one simulation run owns it.
 */
final class UserPopulation {
    static final int HEAVY_SHARE_PERCENT = 1;
    static final int HEAVY_FACTOR = 25;
    private static final double WEIGHT_SIGMA = 1.0;
    /** How much faster than evenly pending users are served, so that all are served before the month ends. */
    private static final double PENDING_PACE = 1.5;

    /** One user: id, home model, language (index into the profile's languages), weight, and month state. */
    static final class User {
        final String id;
        final int model;
        final int lang;
        final double weight;
        /** Active this month (else lapsed). */
        boolean active = true;
        /** Position in the model's pending list, or -1 when the user has sent a request this month. */
        int pendingAt = -1;

        User(int index, int model, int lang, double weight) {
            this.id = userId(index);
            this.model = model;
            this.lang = lang;
            this.weight = weight;
        }
    }

    /** A model's active users in the current month. */
    private static final class Pool {
        final List<User> active = new ArrayList<>();
        double[] cumulative = new double[16];
        final List<User> pending = new ArrayList<>();

        void add(User u) {
            if (active.size() == cumulative.length) {
                cumulative = Arrays.copyOf(cumulative, cumulative.length * 2);
            }
            double before = active.isEmpty() ? 0 : cumulative[active.size() - 1];
            cumulative[active.size()] = before + u.weight;
            active.add(u);
        }

        void clear() {
            active.clear();
            pending.clear();
        }

        User byWeight(double u) {
            int n = active.size();
            double x = u * cumulative[n - 1];
            int i = Arrays.binarySearch(cumulative, 0, n, x);
            i = i >= 0 ? Math.min(i + 1, n - 1) : -i - 1;
            return active.get(Math.min(i, n - 1));
        }

        void addPending(User u) {
            u.pendingAt = pending.size();
            pending.add(u);
        }

        void removePending(User u) {
            int at = u.pendingAt;
            User last = pending.remove(pending.size() - 1);
            if (last != u) {
                pending.set(at, last);
                last.pendingAt = at;
            }
            u.pendingAt = -1;
        }
    }

    private final double[] churn;
    private final double[] comeback;
    /** Per model, per month: the target number of active users. */
    private final double[][] target;
    private final double[] languageCumulative;
    private final SplittableRandom random;
    private final List<User> users = new ArrayList<>();
    private final Pool[] pools;
    private int month = -1;

    /**
     * @param schedule the schedule (expected requests per model and month)
     * @param distinctUsers the expected number of distinct users over the period
     * @param random the random source for arrivals, churn and picks
     */
    UserPopulation(TrafficSchedule schedule, long distinctUsers, SplittableRandom random) {
        TrafficProfile profile = schedule.profile();
        int k = profile.models().size();
        this.churn = new double[k];
        this.comeback = new double[k];
        for (int m = 0; m < k; m++) {
            churn[m] = profile.models().get(m).retention().monthlyChurn();
            comeback[m] = profile.models().get(m).retention().comeback();
        }
        this.random = random;
        this.pools = new Pool[k];
        for (int m = 0; m < k; m++) {
            pools[m] = new Pool();
        }
        double[][] expected = new double[k][schedule.months()];
        for (int d = 0; d < schedule.days(); d++) {
            for (int m = 0; m < k; m++) {
                expected[m][schedule.month(d)] += schedule.expected(d, m);
            }
        }
        // Distinct users are homogeneous of degree -1 in the rate per active user-month: compute them
        // for a rate of 1, then scale the rate to hit the requested number.
        double distinctAtRateOne = 0;
        for (int m = 0; m < k; m++) {
            distinctAtRateOne += newUsers(expected[m], churn[m], comeback[m]);
        }
        double rate = distinctUsers > 0 && distinctAtRateOne > 0 ? distinctAtRateOne / distinctUsers : 1;
        this.target = new double[k][];
        for (int m = 0; m < k; m++) {
            double[] t = expected[m].clone();
            for (int i = 0; i < t.length; i++) {
                t[i] /= rate;
            }
            target[m] = t;
        }
        this.languageCumulative = cumulative(profile.languages().values());
    }

    /** Expected new users of one model over the months, for targets equal to the expected requests. */
    private static double newUsers(double[] targets, double churn, double comeback) {
        double active = 0;
        double lapsed = 0;
        double arrived = 0;
        for (double t : targets) {
            double stay = active * (1 - churn) + lapsed * comeback;
            lapsed = active * churn + lapsed * (1 - comeback);
            active = stay;
            double fresh = Math.max(0, t - active);
            active += fresh;
            arrived += fresh;
        }
        return arrived;
    }

    static double[] cumulative(java.util.Collection<Double> weights) {
        double[] c = new double[weights.size()];
        double sum = 0;
        int i = 0;
        for (double w : weights) {
            sum += w;
            c[i++] = sum;
        }
        for (int j = 0; j < c.length; j++) {
            c[j] /= sum;
        }
        return c;
    }

    static int pick(double[] cumulative, double u) {
        for (int i = 0; i < cumulative.length - 1; i++) {
            if (u < cumulative[i]) {
                return i;
            }
        }
        return cumulative.length - 1;
    }

    /**
     * Enters a calendar month: active users churn, lapsed users come back, and every active user is
     * pending (owes the month a request).
     *
     * @param newMonth the month index, not before the current one
     */
    void startMonth(int newMonth) {
        if (newMonth == month) {
            return;
        }
        boolean transition = month >= 0;
        month = newMonth;
        for (Pool p : pools) {
            p.clear();
        }
        for (User u : users) {
            if (transition) {
                u.active = u.active ? random.nextDouble() >= churn[u.model] : random.nextDouble() < comeback[u.model];
            }
            if (u.active) {
                Pool p = pools[u.model];
                p.add(u);
                p.addPending(u);
            }
        }
    }

    /**
     * Chooses the user of one request.
     *
     * @param model the request's model
     * @param remaining the model's expected requests from this one to the end of the month (this one included)
     * @return the user
     */
    User next(int model, double remaining) {
        Pool p = pools[model];
        double deficit = target[model][month] - p.active.size();
        double left = Math.max(remaining, 1);
        if (p.active.isEmpty() || (deficit > 0 && random.nextDouble() < deficit / left)) {
            User u = new User(users.size(), model, pick(languageCumulative, random.nextDouble()), weight());
            users.add(u);
            p.add(u);
            return u;
        }
        if (!p.pending.isEmpty() && random.nextDouble() < PENDING_PACE * p.pending.size() / left) {
            User u = p.pending.get(random.nextInt(p.pending.size()));
            p.removePending(u);
            return u;
        }
        User u = p.byWeight(random.nextDouble());
        if (u.pendingAt >= 0) {
            p.removePending(u);
        }
        return u;
    }

    private double weight() {
        double w = StrictMath.exp(WEIGHT_SIGMA * Sampling.normal(random));
        return random.nextInt(100) < HEAVY_SHARE_PERCENT ? w * HEAVY_FACTOR : w;
    }

    /** @return the number of users so far */
    int size() {
        return users.size();
    }

    /**
     * @param index a user index
     * @return its id as written in the log: {@code u-00042}
     */
    static String userId(int index) {
        String n = Integer.toString(index + 1);
        return n.length() >= 5 ? "u-" + n : "u-" + "00000".substring(n.length()) + n;
    }
}
