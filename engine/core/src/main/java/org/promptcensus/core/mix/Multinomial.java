package org.promptcensus.core.mix;

import java.util.Random;

/** Multinomial draws by sequential binomials (normal approximation for large counts). */
final class Multinomial {
    private Multinomial() {
    }

    /**
     * @param rng randomness
     * @param n trials
     * @param probs probabilities (summing to about 1)
     * @return counts per outcome
     */
    static double[] sample(Random rng, double n, double[] probs) {
        double[] out = new double[probs.length];
        double remainingN = Math.round(n);
        double remainingP = 1.0;
        for (int i = 0; i < probs.length && remainingN > 0; i++) {
            if (i == probs.length - 1) {
                out[i] = remainingN;
                break;
            }
            double p = remainingP <= 0 ? 0 : Math.min(1, Math.max(0, probs[i] / remainingP));
            double x = binomial(rng, remainingN, p);
            out[i] = x;
            remainingN -= x;
            remainingP -= probs[i];
        }
        return out;
    }

    private static double binomial(Random rng, double n, double p) {
        if (p <= 0) {
            return 0;
        }
        if (p >= 1) {
            return n;
        }
        if (n * p > 30 && n * (1 - p) > 30) {
            double x = Math.round(n * p + rng.nextGaussian() * Math.sqrt(n * p * (1 - p)));
            return Math.max(0, Math.min(n, x));
        }
        double x = 0;
        for (int i = 0; i < n; i++) {
            if (rng.nextDouble() < p) {
                x++;
            }
        }
        return x;
    }
}
