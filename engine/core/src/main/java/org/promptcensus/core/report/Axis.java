package org.promptcensus.core.report;

import java.util.ArrayList;
import java.util.List;

/** Tick values for chart axes: quarters for shares, round steps (1, 2, 2.5, 5 x 10^n) for counts. Thread-safe. */
final class Axis {
    private Axis() {
    }

    /** @return 0, 25, 50, 75 and 100% */
    static List<Double> shareTicks() {
        return List.of(0.0, 0.25, 0.5, 0.75, 1.0);
    }

    /**
     * @param max the largest value to show
     * @param target about how many intervals
     * @return ticks from 0 to the first tick at or above max
     */
    static List<Double> niceTicks(double max, int target) {
        List<Double> out = new ArrayList<>();
        if (!(max > 0)) {
            out.add(0.0);
            out.add(1.0);
            return out;
        }
        double raw = max / Math.max(1, target);
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = mag;
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * mag >= raw) {
                step = m * mag;
                break;
            }
        }
        for (int i = 0; ; i++) {
            double v = i * step;
            out.add(v);
            if (v >= max - 1e-9) {
                break;
            }
        }
        return out;
    }
}
