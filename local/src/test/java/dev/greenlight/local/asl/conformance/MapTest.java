package dev.greenlight.local.asl.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.local.asl.Json;
import dev.greenlight.local.asl.eval.Execution;
import dev.greenlight.local.asl.eval.ExecutionStatus;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Map, from the developer guide's "Map workflow state" (docs.aws.amazon.com/step-functions/latest/dg/
 * state-map.html) and its "ItemsPath", "ItemSelector" and "Tolerated failure threshold" pages: ItemsPath
 * selects the array, ItemSelector shapes each item with $$.Map.Item.Index and Value, MaxConcurrency bounds
 * the iterations running at once (0: no bound), and more failures than tolerated fail the state with
 * States.ExceedToleratedFailureThreshold.
 */
class MapTest {

    private final Clocked run = new Clocked(call -> CompletableFuture.completedFuture(Json.parse("{}")));

    @Test
    void itemsPathAndItemSelector_shapeEachIteration() {
        Execution execution = run.start("""
                {"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.detail.items",
                  "ItemSelector":{"index.$":"$$.Map.Item.Index","value.$":"$$.Map.Item.Value","tag.$":"$.tag"},
                  "ItemProcessor":{"StartAt":"I","States":{"I":{"Type":"Pass","End":true}}},
                  "ResultPath":"$.results","End":true}}}""",
                "{\"tag\":\"t\",\"detail\":{\"items\":[\"a\",\"b\"]}}");
        run.finish(execution);
        assertThat(Json.write(execution.output().get("results"))).isEqualTo(
                "[{\"index\":0,\"value\":\"a\",\"tag\":\"t\"},{\"index\":1,\"value\":\"b\",\"tag\":\"t\"}]");
    }

    /** Five iterations of a 10-second Wait take 10s × ⌈5 / MaxConcurrency⌉. */
    @ParameterizedTest(name = "MaxConcurrency {0} takes {1}s")
    @CsvSource({"0, 10", "1, 50", "2, 30", "5, 10", "9, 10"})
    void maxConcurrency_boundsTheIterationsRunningAtOnce(int concurrency, int seconds) {
        Execution execution = run.start("""
                {"StartAt":"M","States":{"M":{"Type":"Map","MaxConcurrency":%d,
                  "ItemProcessor":{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":10,"End":true}}},
                  "End":true}}}""".formatted(concurrency), "[1,2,3,4,5]");
        assertThat(run.finish(execution)).isEqualTo(Duration.ofSeconds(seconds));
        assertThat(Json.write(execution.output())).isEqualTo("[1,2,3,4,5]");
    }

    @Test
    void maxConcurrencyPath_readsTheBoundFromTheInput() {
        Execution execution = run.start("""
                {"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.items","MaxConcurrencyPath":"$.limit",
                  "ItemProcessor":{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":10,"End":true}}},
                  "End":true}}}""", "{\"limit\":2,\"items\":[1,2,3,4]}");
        assertThat(run.finish(execution)).isEqualTo(Duration.ofSeconds(20));
    }

    private static final String TOLERATING = """
            {"StartAt":"M","States":{"M":{"Type":"Map",%s
              "ItemProcessor":{"StartAt":"C","States":{
                "C":{"Type":"Choice","Choices":[{"Variable":"$","BooleanEquals":false,"Next":"F"}],"Default":"S"},
                "F":{"Type":"Fail","Error":"Item.Bad","Cause":"bad item"},"S":{"Type":"Succeed"}}},
              "End":true}}}""";

    @ParameterizedTest(name = "{0} with {1} → {2}")
    @CsvSource(delimiter = '|', value = {
            "                                   | [true,false,true,true]  | Item.Bad",
            "\"ToleratedFailureCount\":1,       | [true,false,false,true] | States.ExceedToleratedFailureThreshold",
            "\"ToleratedFailurePercentage\":25, | [true,false,false,true] | States.ExceedToleratedFailureThreshold",
    })
    void failuresBeyondTheThreshold_failTheState(String fields, String input, String error) {
        Execution execution = run.start(TOLERATING.formatted(fields == null ? "" : fields), input);
        run.finish(execution);
        assertThat(execution.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(execution.error()).isEqualTo(error);
    }

    @ParameterizedTest(name = "{0} tolerates two of four")
    @CsvSource(delimiter = '|', value = {"\"ToleratedFailureCount\":2,", "\"ToleratedFailurePercentage\":50,"})
    void failuresWithinTheThreshold_letTheStateSucceed(String fields) {
        Execution execution = run.start(TOLERATING.formatted(fields), "[true,false,false,true]");
        run.finish(execution);
        assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(execution.output().get(0).asBoolean()).isTrue();
        assertThat(execution.output().get(3).asBoolean()).isTrue();
    }

    /** An ItemsPath that selects no array is States.QueryEvaluationError, which Catch takes (see MapRunTimeTest). */
    @Test
    void itemsPathToANonArray_isCaughtAsAQueryEvaluationError() {
        Execution execution = run.start("""
                {"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.items",
                  "ItemProcessor":{"StartAt":"I","States":{"I":{"Type":"Pass","End":true}}},
                  "Catch":[{"ErrorEquals":["States.ALL"],"Next":"Caught"}],"End":true},
                  "Caught":{"Type":"Succeed"}}}""", "{\"items\":{}}");
        run.finish(execution);
        assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(execution.output().path("Error").asText()).isEqualTo("States.QueryEvaluationError");
    }
}
