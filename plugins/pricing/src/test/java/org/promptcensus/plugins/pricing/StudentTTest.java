package org.promptcensus.plugins.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StudentTTest {
    @ParameterizedTest
    @CsvSource({"1, 12.7062", "2, 4.3027", "3, 3.1824", "5, 2.5706", "10, 2.2281", "30, 2.0423", "120, 1.9799"})
    void matchesTablesOfTheTwoSided95PercentQuantile(int df, double expected) {
        assertThat(StudentT.quantile(0.975, df)).isCloseTo(expected, within(1e-3));
        assertThat(StudentT.quantile(0.025, df)).isCloseTo(-expected, within(1e-3));
    }
}
