package org.promptcensus.plugins.pricing;

import java.util.List;
import java.util.Optional;

/**
 * Ordinary least squares of ln(usage) on ln(price) across models, as the usage study fitted demand
 * against price: the slope is the price elasticity of usage (-0.05 means a 10% price cut brings
 * about 0.5% more usage), with a 95% confidence interval from Student's t with n - 2 degrees of
 * freedom. Immutable.
 *
 * @param slope the elasticity
 * @param intercept the intercept, in ln(tokens)
 * @param low lower end of the 95% interval of the slope
 * @param high upper end of the 95% interval of the slope
 * @param n the number of models fitted
 * @param r2 the coefficient of determination
 */
public record LogLogFit(double slope, double intercept, double low, double high, int n, double r2) {

    /**
     * One model's point.
     *
     * @param price its effective price, US dollars per million tokens (positive)
     * @param usage its usage, tokens (positive)
     */
    public record Point(double price, double usage) {
    }

    /**
     * @param points one per model; points without a positive price and usage are left out
     * @return the fit, or empty when fewer than 3 points remain or all prices are equal
     */
    public static Optional<LogLogFit> fit(List<Point> points) {
        List<Point> ok = points.stream().filter(p -> p.price() > 0 && p.usage() > 0).toList();
        int n = ok.size();
        if (n < 3) {
            return Optional.empty();
        }
        double mx = 0;
        double my = 0;
        for (Point p : ok) {
            mx += Math.log(p.price());
            my += Math.log(p.usage());
        }
        mx /= n;
        my /= n;
        double sxx = 0;
        double sxy = 0;
        double syy = 0;
        for (Point p : ok) {
            double dx = Math.log(p.price()) - mx;
            double dy = Math.log(p.usage()) - my;
            sxx += dx * dx;
            sxy += dx * dy;
            syy += dy * dy;
        }
        if (sxx <= 1e-12) {
            return Optional.empty();
        }
        double slope = sxy / sxx;
        double intercept = my - slope * mx;
        double ssr = Math.max(0, syy - slope * sxy);
        double se = Math.sqrt(ssr / (n - 2) / sxx);
        double t = StudentT.quantile(0.975, n - 2);
        double r2 = syy <= 0 ? 1 : 1 - ssr / syy;
        return Optional.of(new LogLogFit(slope, intercept, slope - t * se, slope + t * se, n, r2));
    }

    /**
     * @param priceChange a relative price change, e.g. -0.10 for a 10% cut
     * @return the relative usage change the fit implies, e.g. 0.0053
     */
    public double usageChange(double priceChange) {
        return Math.pow(1 + priceChange, slope) - 1;
    }
}
