package org.promptcensus.core.simulate;

import java.util.LinkedHashMap;
import java.util.Map;

/** Sampling errors of a simulated log's token mix, from the profile (delta method, independent draws). */
final class PlantedStatistics {
    private PlantedStatistics() {
    }

    /**
     * @param schedule the schedule
     * @param model a model index
     * @return per category of the model's mix, the standard error of its share of the model's tokens
     */
    static Map<String, Double> tokenShareStandardError(TrafficSchedule schedule, int model) {
        TrafficProfile p = schedule.profile();
        TrafficProfile.ModelProfile mp = p.models().get(model);
        Map<String, double[]> moments = new LinkedHashMap<>();   // category -> {sum mean, sum variance}
        double total = 0;
        for (Map.Entry<String, Double> e : mp.mix().entrySet()) {
            TrafficProfile.Lengths l = p.lengths().get(e.getKey());
            double n = 0;
            double m1 = 0;
            double m2 = 0;
            for (int d = 0; d < schedule.days(); d++) {
                double w = schedule.expected(d, model) * e.getValue();
                if (w <= 0) {
                    continue;
                }
                double gp = p.promptGrowth(schedule.week(d));
                double gc = p.completionGrowth(schedule.week(d));
                double mp1 = l.promptMean() * gp;
                double mc1 = l.completionMean() * gc;
                double mp2 = Math.pow(l.promptMedian() * gp, 2) * Math.exp(2 * l.promptSigma() * l.promptSigma());
                double mc2 = Math.pow(l.completionMedian() * gc, 2) * Math.exp(2 * l.completionSigma() * l.completionSigma());
                n += w;
                m1 += w * (mp1 + mc1);
                m2 += w * (mp2 + 2 * mp1 * mc1 + mc2);
            }
            double mean = n > 0 ? m1 / n : 0;
            double var = n > 0 ? m2 / n - mean * mean : 0;
            moments.put(e.getKey(), new double[] {n * mean, n * var});
            total += n * mean;
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (String c : moments.keySet()) {
            double share = moments.get(c)[0] / total;
            double var = 0;
            for (Map.Entry<String, double[]> e : moments.entrySet()) {
                double weight = e.getKey().equals(c) ? 1 - share : share;
                var += weight * weight * e.getValue()[1];
            }
            out.put(c, Math.sqrt(var) / total);
        }
        return out;
    }
}
