package dev.greenlight.workers.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimeToFireTest {

    /** Period x (DatapointsToAlarm, or EvaluationPeriods when unset) + 60 s for the load balancer to publish. */
    @ParameterizedTest(name = "period {0} s, {1} of {2} -> {3} s")
    @CsvSource({"60, , 1, 120", "60, 2, 3, 180", "300, , 3, 960", "10, , 1, 70"})
    void timeToFire(int period, Integer datapoints, int evaluationPeriods, long seconds) {
        assertThat(TimeToFire.of(period, datapoints, evaluationPeriods)).isEqualTo(Duration.ofSeconds(seconds));
    }

    @ParameterizedTest(name = "a {0}-minute canary: {1} problems")
    @CsvSource({"1, 2", "2, 1", "3, 0"})
    void tooShort_namesTheAnalysisMinimumAndEachAlarm(int minutes, int problems) {
        List<String> found = TimeToFire.tooShort(minutes,
                List.of(new TimeToFire.AlarmTime("orders-green-5xx", Duration.ofSeconds(180))));

        assertThat(found).hasSize(problems);
        if (minutes == 2) {
            assertThat(found.get(0)).contains("alarm orders-green-5xx", "at least 3 minutes");
        }
    }
}
