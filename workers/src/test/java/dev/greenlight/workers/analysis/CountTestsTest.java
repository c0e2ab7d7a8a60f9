package dev.greenlight.workers.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.data.Percentage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reference values computed exactly with integer binomial coefficients (Python's math.comb). */
class CountTestsTest {

    @ParameterizedTest(name = "green {0}/{1} against blue {2}/{3}: p = {4}")
    @CsvSource({
        "10, 100, 2, 100, 0.016520054662092488",
        "1, 100, 0, 1000, 0.09090909090909091",
        "20, 1000, 10, 9000, 9.480793930705202e-14",
        "5, 200, 40, 1800, 0.4737739120456605",
        "0, 100, 0, 100, 1"})
    void fisherExactOneSided_matchesTheExactTail(long greenErrors, long greenRequests, long blueErrors,
            long blueRequests, double expected) {
        assertThat(CountTests.fisherGreater(greenErrors, greenRequests, blueErrors, blueRequests))
                .isCloseTo(expected, Percentage.withPercentage(1e-6));
    }

    @ParameterizedTest(name = "{0} errors in {1} at rate {2}: p = {3}")
    @CsvSource({
        "3, 100, 0.01, 0.0793732022521803",
        "5, 100, 0.01, 0.003432321587754513",
        "1, 100, 0.01, 0.6339676587267699",
        "50, 100, 0.01, 6.165015712302922e-72",
        "0, 100, 0.01, 1"})
    void binomialUpperTail_matchesTheExactTail(long errors, long requests, double rate, double expected) {
        assertThat(CountTests.binomialGreater(errors, requests, rate))
                .isCloseTo(expected, Percentage.withPercentage(1e-6));
    }
}
