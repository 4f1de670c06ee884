package org.promptcensus.plugins.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LogLogFitTest {
    @Test
    void recoversAKnownSlopeExactlyWithoutNoise() {
        List<LogLogFit.Point> points = new ArrayList<>();
        for (double price : new double[] {0.1, 0.5, 1, 3, 15, 60}) {
            points.add(new LogLogFit.Point(price, 2e9 * Math.pow(price, -0.06)));
        }
        LogLogFit f = LogLogFit.fit(points).orElseThrow();
        assertThat(f.slope()).isCloseTo(-0.06, within(1e-9));
        assertThat(f.intercept()).isCloseTo(Math.log(2e9), within(1e-6));
        assertThat(f.low()).isCloseTo(-0.06, within(1e-6));
        assertThat(f.high()).isCloseTo(-0.06, within(1e-6));
        assertThat(f.r2()).isCloseTo(1.0, within(1e-9));
        assertThat(f.usageChange(-0.10)).isCloseTo(0.00634, within(1e-4));
    }

    @Test
    void recoversAKnownSlopeWithinItsIntervalUnderNoise() {
        Random random = new Random(42);
        List<LogLogFit.Point> points = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            double price = Math.exp(-3 + 7 * random.nextDouble());
            double noise = 0.3 * random.nextGaussian();
            points.add(new LogLogFit.Point(price, Math.exp(20 - 0.06 * Math.log(price) + noise)));
        }
        LogLogFit f = LogLogFit.fit(points).orElseThrow();
        assertThat(f.n()).isEqualTo(200);
        assertThat(f.low()).isLessThan(-0.06);
        assertThat(f.high()).isGreaterThan(-0.06);
        assertThat(f.slope()).isCloseTo(-0.06, within(0.03));
        assertThat(f.high() - f.low()).isCloseTo(2 * 1.972 * 0.3 / Math.sqrt(200 * 4.08), within(0.01));
    }

    @Test
    void matchesAHandComputedFitAndInterval() {
        // x = ln price = 0, 1, 2; y = ln usage = 0, 1, 3: slope 1.5, intercept -1/6, residuals 1/6, -1/3, 1/6
        List<LogLogFit.Point> points = List.of(new LogLogFit.Point(1, 1), new LogLogFit.Point(Math.E, Math.E),
                new LogLogFit.Point(Math.exp(2), Math.exp(3)));
        LogLogFit f = LogLogFit.fit(points).orElseThrow();
        assertThat(f.slope()).isCloseTo(1.5, within(1e-9));
        assertThat(f.intercept()).isCloseTo(-1.0 / 6, within(1e-9));
        double se = Math.sqrt((1.0 / 36 + 1.0 / 9 + 1.0 / 36) / 1 / 2);
        assertThat(f.high() - f.slope()).isCloseTo(12.7062 * se, within(1e-3));
    }

    @Test
    void needsThreeModelsWithDifferentPrices() {
        assertThat(LogLogFit.fit(List.of(new LogLogFit.Point(1, 10), new LogLogFit.Point(2, 20)))).isEmpty();
        assertThat(LogLogFit.fit(List.of(new LogLogFit.Point(1, 10), new LogLogFit.Point(1, 20), new LogLogFit.Point(1, 30)))).isEmpty();
        assertThat(LogLogFit.fit(List.of(new LogLogFit.Point(0, 10), new LogLogFit.Point(1, 20), new LogLogFit.Point(2, 0)))).isEmpty();
    }
}
