package org.promptcensus.core.mix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.promptcensus.api.CensusException;
import org.promptcensus.api.ErrorCode;

/**
 * Corrects category shares for the classifier's errors, given its confusion matrix on labelled
 * data (from {@code census eval --json}).
 *
 * <p>A classifier that is 90% accurate still moves shares: the 10% it gets wrong land somewhere,
 * and rare categories receive proportionally more of them, so raw "classify and count" overstates
 * them. With {@code M[i][j] = P(predicted j | true i)} estimated from the confusion matrix, the
 * observed predicted shares are {@code q = M^T p}. The corrected shares {@code p} are the
 * maximum-likelihood non-negative solution, found by the EM iteration
 * {@code p_i <- sum_j q_j p_i M_ij / sum_k p_k M_kj} (adjusted classify-and-count without its
 * negative shares). Categories the labelled data has no examples of are taken as classified
 * correctly.
 *
 * <p>The 95% interval comes from a parametric bootstrap over both sources of error: each row of the
 * confusion matrix is resampled from its counts, and the observed shares from the cell's request
 * count; the correction is rerun on each replicate. Deterministic (fixed seed). Thread-safe.
 */
public final class ShareCorrector {
    private final List<String> labels;
    private final double[][] counts;
    private final int replicates;
    private final long seed;

    /**
     * @param labels the labels of the matrix, in order
     * @param counts {@code counts[gold][predicted]}
     * @param replicates bootstrap replicates (0: no intervals)
     * @param seed the random seed of the bootstrap
     */
    public ShareCorrector(List<String> labels, double[][] counts, int replicates, long seed) {
        this.labels = List.copyOf(labels);
        this.counts = counts;
        this.replicates = replicates;
        this.seed = seed;
    }

    /**
     * @param evalJson the output of {@code census eval --json}
     * @param replicates bootstrap replicates
     * @return the corrector
     */
    public static ShareCorrector fromEvalJson(Path evalJson, int replicates) {
        try {
            JsonNode c = new ObjectMapper().readTree(evalJson.toFile()).path("confusion");
            List<String> labels = new ArrayList<>();
            c.path("labels").forEach(l -> labels.add(l.asText()));
            JsonNode rows = c.path("counts");
            if (labels.isEmpty() || rows.size() != labels.size()) {
                throw new CensusException(ErrorCode.BAD_USAGE, evalJson + ": no confusion matrix (expected the output of `census eval --json`)");
            }
            double[][] m = new double[labels.size()][labels.size()];
            for (int i = 0; i < labels.size(); i++) {
                for (int j = 0; j < labels.size(); j++) {
                    m[i][j] = rows.path(i).path(j).asDouble();
                }
            }
            return new ShareCorrector(labels, m, replicates, 20251128L);
        } catch (IOException e) {
            throw new CensusException(ErrorCode.IO, evalJson + ": " + e.getMessage(), e);
        }
    }

    /**
     * Corrected shares with intervals.
     *
     * @param corrected the point estimate per category
     * @param low the 2.5th percentile per category
     * @param high the 97.5th percentile per category
     */
    public record Result(Map<String, Double> corrected, Map<String, Double> low, Map<String, Double> high) {
    }

    /**
     * @param observed raw shares per predicted category (summing to about 1)
     * @param n the number of requests behind them (for the sampling error)
     * @return the corrected shares and intervals, over the union of observed and matrix categories
     */
    public Result correct(Map<String, Double> observed, double n) {
        Set<String> all = new LinkedHashSet<>(labels);
        all.addAll(observed.keySet());
        List<String> cats = new ArrayList<>(all);
        int k = cats.size();
        double[][] m = rowStochastic(cats, counts);
        double[] q = new double[k];
        double sum = 0;
        for (int j = 0; j < k; j++) {
            q[j] = observed.getOrDefault(cats.get(j), 0.0);
            sum += q[j];
        }
        if (sum <= 0) {
            Map<String, Double> zero = new HashMap<>();
            cats.forEach(c -> zero.put(c, 0.0));
            return new Result(zero, zero, zero);
        }
        for (int j = 0; j < k; j++) {
            q[j] /= sum;
        }
        double[] p = em(m, q);
        Map<String, Double> point = toMap(cats, p);
        if (replicates <= 0) {
            return new Result(point, point, point);
        }
        Random rng = new Random(seed ^ (long) (n * 7919) ^ Arrays.hashCode(q));
        double[][] samples = new double[replicates][];
        int[] rowIndex = rowIndex(cats);
        for (int b = 0; b < replicates; b++) {
            double[][] counts2 = new double[k][];
            for (int i = 0; i < k; i++) {
                int gi = rowIndex[i];
                if (gi < 0) {
                    counts2[i] = null;
                } else {
                    double ni = Arrays.stream(counts[gi]).sum();
                    counts2[i] = Multinomial.sample(rng, ni, remap(cats, counts[gi], ni));
                }
            }
            double[][] mb = new double[k][];
            for (int i = 0; i < k; i++) {
                mb[i] = counts2[i] == null ? m[i] : normalizeOrIdentity(counts2[i], i);
            }
            double[] qb = Multinomial.sample(rng, Math.max(1, Math.round(n)), q);
            double s = Arrays.stream(qb).sum();
            for (int j = 0; j < k; j++) {
                qb[j] /= s;
            }
            samples[b] = em(mb, qb);
        }
        Map<String, Double> low = new HashMap<>();
        Map<String, Double> high = new HashMap<>();
        for (int i = 0; i < k; i++) {
            double[] v = new double[replicates];
            for (int b = 0; b < replicates; b++) {
                v[b] = samples[b][i];
            }
            Arrays.sort(v);
            low.put(cats.get(i), v[(int) Math.floor(0.025 * (replicates - 1))]);
            high.put(cats.get(i), v[(int) Math.ceil(0.975 * (replicates - 1))]);
        }
        return new Result(point, low, high);
    }

    private int[] rowIndex(List<String> cats) {
        int[] idx = new int[cats.size()];
        for (int i = 0; i < cats.size(); i++) {
            int gi = labels.indexOf(cats.get(i));
            idx[i] = gi >= 0 && Arrays.stream(counts[gi]).sum() > 0 ? gi : -1;
        }
        return idx;
    }

    private double[] remap(List<String> cats, double[] row, double n) {
        double[] out = new double[cats.size()];
        for (int j = 0; j < labels.size(); j++) {
            int cj = cats.indexOf(labels.get(j));
            out[cj] += row[j] / n;
        }
        return out;
    }

    private double[][] rowStochastic(List<String> cats, double[][] c) {
        int k = cats.size();
        double[][] m = new double[k][];
        int[] idx = rowIndex(cats);
        for (int i = 0; i < k; i++) {
            if (idx[i] < 0) {
                m[i] = new double[k];
                m[i][i] = 1;
            } else {
                double n = Arrays.stream(c[idx[i]]).sum();
                m[i] = remap(cats, c[idx[i]], n);
            }
        }
        return m;
    }

    private static double[] normalizeOrIdentity(double[] row, int i) {
        double s = Arrays.stream(row).sum();
        double[] out = new double[row.length];
        if (s <= 0) {
            out[i] = 1;
            return out;
        }
        for (int j = 0; j < row.length; j++) {
            out[j] = row[j] / s;
        }
        return out;
    }

    /** EM for q = M^T p with p on the simplex. */
    static double[] em(double[][] m, double[] q) {
        int k = q.length;
        double[] p = q.clone();
        double[] predicted = new double[k];
        for (int iter = 0; iter < 500; iter++) {
            Arrays.fill(predicted, 0);
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    predicted[j] += p[i] * m[i][j];
                }
            }
            double[] next = new double[k];
            for (int i = 0; i < k; i++) {
                double s = 0;
                for (int j = 0; j < k; j++) {
                    if (predicted[j] > 0) {
                        s += q[j] * m[i][j] / predicted[j];
                    }
                }
                next[i] = p[i] * s;
            }
            double total = Arrays.stream(next).sum();
            double change = 0;
            for (int i = 0; i < k; i++) {
                next[i] = total > 0 ? next[i] / total : 0;
                change += Math.abs(next[i] - p[i]);
            }
            p = next;
            if (change < 1e-9) {
                break;
            }
        }
        return p;
    }

    private static Map<String, Double> toMap(List<String> cats, double[] v) {
        Map<String, Double> out = new HashMap<>();
        for (int i = 0; i < cats.size(); i++) {
            out.put(cats.get(i), v[i]);
        }
        return out;
    }
}
