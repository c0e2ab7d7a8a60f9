package dev.greenlight.local.aws.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;

/**
 * The table of "Configuring how CloudWatch alarms treat missing data" for a 3-out-of-3 alarm
 * whose evaluation range holds five periods: 0 is a datapoint within the threshold, X one that
 * breaches, - a missing one; the rightmost is the most recent. "keep" means the state is retained.
 */
class AlarmEvaluationTest {

    private static final Instant NOW = Instant.parse("2026-01-01T01:00:00Z");

    @ParameterizedTest(name = "{0} with {1} -> {2}")
    @CsvSource({
            "0 - X - X, missing,      OK",
            "0 - X - X, ignore,       OK",
            "0 - X - X, breaching,    OK",
            "0 - X - X, notBreaching, OK",
            "- - - - 0, missing,      OK",
            "- - - - 0, ignore,       OK",
            "- - - - 0, breaching,    OK",
            "- - - - 0, notBreaching, OK",
            "- - - - -, missing,      INSUFFICIENT_DATA",
            "- - - - -, ignore,       keep",
            "- - - - -, breaching,    ALARM",
            "- - - - -, notBreaching, OK",
            "0 X X - X, missing,      ALARM",
            "0 X X - X, ignore,       ALARM",
            "0 X X - X, breaching,    ALARM",
            "0 X X - X, notBreaching, ALARM",
            "- - X - -, missing,      ALARM",
            "- - X - -, ignore,       keep",
            "- - X - -, breaching,    ALARM",
            "- - X - -, notBreaching, OK",
    })
    void threeOutOfThreeFollowsAwsTable(String datapoints, String treatment, String expected) {
        Optional<AlarmVerdict> verdict = AlarmEvaluation.evaluate(alarm(3, 3, treatment), range(datapoints));

        assertThat(verdict.map(v -> v.state().toString()).orElse("keep")).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} as {1} of {2} -> {3}")
    @CsvSource({
            "0 0 0 X X, 2, 3, ALARM",
            "0 0 X 0 X, 2, 3, ALARM",
            "0 0 X 0 0, 2, 3, OK",
            "X X X 0 0, 2, 3, OK",
            "0 0 0 0 X, 1, 1, ALARM",
            "X X X X 0, 1, 1, OK",
    })
    void mOutOfNCountsBreachesAmongTheMostRecentN(String datapoints, int m, int n, String expected) {
        List<PeriodValue> range = range(datapoints);

        Optional<AlarmVerdict> verdict = AlarmEvaluation.evaluate(alarm(m, n, "missing"), range);

        assertThat(verdict).map(v -> v.state().toString()).contains(expected);
    }

    @ParameterizedTest(name = "{0} with {1} fills {2} missing periods")
    @CsvSource({
            "- - - 0 X, breaching,    1",
            "- - - - X, notBreaching, 2",
            "- - - - -, breaching,    3",
    })
    void missingPeriodsAreFilledAsFewTimesAsPossible(String datapoints, String treatment, int filled) {
        Optional<AlarmVerdict> verdict = AlarmEvaluation.evaluate(alarm(3, 3, treatment), range(datapoints));

        assertThat(verdict).map(AlarmVerdict::filledMissing).contains(filled);
    }

    /** "0", "X" or "-" per period, oldest first, as the AWS table writes them; returned newest first. */
    static List<PeriodValue> range(String datapoints) {
        String[] cells = datapoints.trim().split("\\s+");
        List<PeriodValue> newestFirst = new ArrayList<>();
        for (int age = 1; age <= cells.length; age++) {
            Instant start = NOW.minusSeconds(60L * age);
            String cell = cells[cells.length - age];
            newestFirst.add(switch (cell) {
                case "-" -> PeriodValue.missing(start);
                case "X" -> new PeriodValue(start, 100.0, 1);
                default -> new PeriodValue(start, 0.0, 1);
            });
        }
        return newestFirst;
    }

    static AlarmDefinition alarm(int datapointsToAlarm, int evaluationPeriods, String treatment) {
        return new AlarmDefinition("a", "arn:aws:cloudwatch:us-east-1:123456789012:alarm:a", null,
                new MetricKey("App", "Errors", List.of()), "Sum", false, null, 60, evaluationPeriods,
                datapointsToAlarm, 50, ComparisonOperator.GREATER_THAN_THRESHOLD,
                MissingDataTreatment.parse(treatment).orElseThrow(), true, List.of(), List.of(), List.of(), NOW);
    }

}
