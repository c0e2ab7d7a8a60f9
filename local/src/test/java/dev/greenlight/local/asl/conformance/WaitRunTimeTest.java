package dev.greenlight.local.asl.conformance;

import static dev.greenlight.local.asl.conformance.Runs.inState;
import static dev.greenlight.local.asl.conformance.Runs.run;
import static dev.greenlight.local.asl.conformance.Runs.single;
import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.local.asl.eval.Execution;
import dev.greenlight.local.asl.eval.ExecutionStatus;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Wait's times read at run time (guide, "Wait state": SecondsPath must select "an integer value",
 * TimestampPath "an ISO-8601 extended offset date-time"). A bad value fails the execution with
 * States.Runtime and a cause that quotes the path and the value (causes recorded from AWS in
 * localstack's snapshot tests); in a JSONata state a Timestamp expression that gives no timestamp
 * is States.QueryEvaluationError.
 */
class WaitRunTimeTest {

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "'SecondsPath': '$.s'   | {'s': -1}          | The SecondsPath parameter references a negative value: $.s == -1",
        "'SecondsPath': '$.s'   | {'s': 1.5}         | The SecondsPath parameter cannot be parsed as a long value: $.s == 1.5",
        "'SecondsPath': '$.s'   | {'s': 'ten'}       | The SecondsPath parameter cannot be parsed as a long value: $.s == ten",
        "'SecondsPath': '$.s'   | {'s': {'a': 1}}    | The SecondsPath parameter cannot be parsed as a long value: $.s == {\"a\":1}",
        "'SecondsPath': '$.s'   | {}                 | The SecondsPath parameter does not reference an input value: $.s",
        "'TimestampPath': '$.t' | {'t': 'tomorrow'}  | The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: $.t == tomorrow",
        "'TimestampPath': '$.t' | {'t': '2026-01-01'} | The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: $.t == 2026-01-01",
        "'TimestampPath': '$.t' | {'t': '2026-01-01T00:00:00'} | The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: $.t == 2026-01-01T00:00:00",
        "'TimestampPath': '$.t' | {'t': 5}           | The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: $.t == 5",
    })
    void badPathValueFailsTheExecution(String wait, String input, String cause) {
        Execution execution = run(single("JSONPath", "'Type': 'Wait', " + wait), input);

        assertThat(execution.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(execution.error()).isEqualTo("States.Runtime");
        assertThat(execution.cause()).isEqualTo(cause);
    }

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "'SecondsPath': '$.s'   | {'s': 90}                           | 90",
        "'SecondsPath': '$.s'   | {'s': 0}                            | 0",
        "'TimestampPath': '$.t' | {'t': '2026-01-01T00:02:00Z'}       | 120",
        "'TimestampPath': '$.t' | {'t': '2026-01-01T01:02:00+01:00'}  | 120",
        "'TimestampPath': '$.t' | {'t': '2026-01-01T00:00:30.500Z'}   | 30",
        "'TimestampPath': '$.t' | {'t': '2025-12-31T00:00:00Z'}       | 0",
    })
    void goodPathValueWaits(String wait, String input, long seconds) {
        Execution execution = run(single("JSONPath", "'Type': 'Wait', " + wait), input);

        assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(Duration.between(execution.startDate(), execution.stopDate()).toSeconds()).isEqualTo(seconds);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "$states.input.t | The Timestamp parameter does not reference a valid ISO-8601 extended offset date-time format string: $states.input.t == soon",
        "42              | The Timestamp parameter does not reference a valid ISO-8601 extended offset date-time format string: 42 == 42",
    })
    void jsonataTimestampThatIsNoTimestampIsAQueryEvaluationError(String expression, String cause) {
        Execution execution = run(single("JSONata", "'Type': 'Wait', 'Timestamp': '{% " + expression + " %}'"),
                "{'t': 'soon'}");

        assertThat(execution.error()).isEqualTo("States.QueryEvaluationError");
        assertThat(execution.cause()).isEqualTo(inState("S", 2, cause));
    }
}
