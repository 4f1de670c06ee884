package org.promptcensus.core.simulate;

import java.util.SplittableRandom;

/**
 * Sampling helpers of the simulator: the normal quantile function, and low-discrepancy (Weyl /
 * R2) sequences. The simulator draws categories and lengths from such sequences, each started at a
 * random offset, so that even a small log's per-model mixes and mean lengths sit close to the
 * planted ones; everything else is plain pseudo-random.
 *
 * <p>Stateless and thread-safe.
 */
final class Sampling {
    /** 1 / golden ratio: the one-dimensional Weyl step with the lowest discrepancy. */
    static final double PHI_INVERSE = 0.6180339887498949;
    /** The plastic number, root of x^3 = x + 1: the base of the two-dimensional R2 sequence. */
    private static final double PLASTIC = 1.324717957244746;
    /** R2 step, first coordinate. */
    static final double R2_A = 1 / PLASTIC;
    /** R2 step, second coordinate. */
    static final double R2_B = 1 / (PLASTIC * PLASTIC);
    /** Quantiles are kept this far from 0 and 1. */
    private static final double EDGE = 1e-7;

    private Sampling() {
    }

    /**
     * @param x any number
     * @return its fractional part, in [0, 1)
     */
    static double frac(double x) {
        return x - Math.floor(x);
    }

    /**
     * @param random a random source
     * @return a standard normal draw
     */
    static double normal(SplittableRandom random) {
        return normalQuantile(random.nextDouble());
    }

    /**
     * The standard normal quantile function (P. J. Acklam's rational approximation, relative error
     * below 1.2e-9).
     *
     * @param p a probability; clamped into [1e-7, 1 - 1e-7]
     * @return z with Phi(z) = p
     */
    static double normalQuantile(double p) {
        p = Math.min(Math.max(p, EDGE), 1 - EDGE);
        final double plow = 0.02425;
        if (p < plow) {
            double q = StrictMath.sqrt(-2 * StrictMath.log(p));
            return (((((C1 * q + C2) * q + C3) * q + C4) * q + C5) * q + C6) / ((((D1 * q + D2) * q + D3) * q + D4) * q + 1);
        }
        if (p > 1 - plow) {
            double q = StrictMath.sqrt(-2 * StrictMath.log(1 - p));
            return -(((((C1 * q + C2) * q + C3) * q + C4) * q + C5) * q + C6) / ((((D1 * q + D2) * q + D3) * q + D4) * q + 1);
        }
        double q = p - 0.5;
        double r = q * q;
        return (((((A1 * r + A2) * r + A3) * r + A4) * r + A5) * r + A6) * q
                / (((((B1 * r + B2) * r + B3) * r + B4) * r + B5) * r + 1);
    }

    private static final double A1 = -3.969683028665376e+01;
    private static final double A2 = 2.209460984245205e+02;
    private static final double A3 = -2.759285104469687e+02;
    private static final double A4 = 1.383577518672690e+02;
    private static final double A5 = -3.066479806614716e+01;
    private static final double A6 = 2.506628277459239e+00;
    private static final double B1 = -5.447609879822406e+01;
    private static final double B2 = 1.615858368580409e+02;
    private static final double B3 = -1.556989798598866e+02;
    private static final double B4 = 6.680131188771972e+01;
    private static final double B5 = -1.328068155288572e+01;
    private static final double C1 = -7.784894002430293e-03;
    private static final double C2 = -3.223964580411365e-01;
    private static final double C3 = -2.400758277161838e+00;
    private static final double C4 = -2.549732539343734e+00;
    private static final double C5 = 4.374664141464968e+00;
    private static final double C6 = 2.938163982698783e+00;
    private static final double D1 = 7.784695709041462e-03;
    private static final double D2 = 3.224671290700398e-01;
    private static final double D3 = 2.445134137142996e+00;
    private static final double D4 = 3.754408661907416e+00;
}
