package dev.greenlight.local.asl.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.local.asl.Json;
import dev.greenlight.local.asl.eval.Execution;
import dev.greenlight.local.asl.eval.ExecutionStatus;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Parallel, from the developer guide's "Parallel workflow state" (docs.aws.amazon.com/step-functions/
 * latest/dg/state-parallel.html): every branch gets the state's input, the output is an array with one
 * element per branch in the order of Branches, and if any branch fails the whole state fails with that
 * error, which Retry and Catch then handle.
 */
class ParallelTest {

    private final Clocked run = new Clocked(call -> CompletableFuture.completedFuture(Json.parse("{}")));

    @Test
    void resultsKeepBranchOrder_andBranchesRunAtOnce() {
        Execution execution = run.start("""
                {"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,"Branches":[
                  {"StartAt":"Slow","States":{"Slow":{"Type":"Wait","Seconds":10,"Next":"A"},
                    "A":{"Type":"Pass","Parameters":{"branch":"slow","n.$":"$.n"},"End":true}}},
                  {"StartAt":"Fast","States":{"Fast":{"Type":"Wait","Seconds":4,"Next":"B"},
                    "B":{"Type":"Pass","Parameters":{"branch":"fast","n.$":"$.n"},"End":true}}}]}}}""",
                "{\"n\":7}");
        assertThat(run.finish(execution)).isEqualTo(Duration.ofSeconds(10));
        assertThat(Json.write(execution.output()))
                .isEqualTo("[{\"branch\":\"slow\",\"n\":7},{\"branch\":\"fast\",\"n\":7}]");
    }

    private static final String FAILING = """
            {"StartAt":"P","States":{"P":{"Type":"Parallel",%s"End":true,"Branches":[
              {"StartAt":"Long","States":{"Long":{"Type":"Wait","Seconds":100,"End":true}}},
              {"StartAt":"Short","States":{"Short":{"Type":"Wait","Seconds":2,"Next":"F"},
                "F":{"Type":"Fail","Error":"Branch.Broke","Cause":"second branch"}}}]},
              "Handled":{"Type":"Pass","End":true}}}""";

    private static final String UNMATCHED_CATCH = "\"Catch\":[{\"ErrorEquals\":[\"Other\"],\"Next\":\"Handled\"}],";

    @Test
    void failingBranch_failsTheStateWithItsErrorAndStopsTheOthers() {
        Execution execution = run.start(FAILING.formatted(UNMATCHED_CATCH), "{}");
        assertThat(run.finish(execution)).isEqualTo(Duration.ofSeconds(2));
        assertThat(execution.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(execution.error()).isEqualTo("Branch.Broke");
        assertThat(execution.cause()).isEqualTo("second branch");
        assertThat(Clocked.types(execution)).contains("ParallelStateFailed").doesNotContain("ParallelStateExited");
    }

    @Test
    void failingBranch_isCaughtByTheParallelState() {
        Execution execution = run.start(FAILING.formatted("""
                "Catch":[{"ErrorEquals":["Branch.Broke"],"ResultPath":"$.failure","Next":"Handled"}],"""), "{\"in\":1}");
        assertThat(run.finish(execution)).isEqualTo(Duration.ofSeconds(2));
        assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(Json.write(execution.output()))
                .isEqualTo("{\"in\":1,\"failure\":{\"Error\":\"Branch.Broke\",\"Cause\":\"second branch\"}}");
    }

    @Test
    void failingBranch_isRetriedAsAWhole() {
        Execution execution = run.start(FAILING.formatted("""
                "Retry":[{"ErrorEquals":["Branch.Broke"],"IntervalSeconds":3,"MaxAttempts":1}],""" + UNMATCHED_CATCH),
                "{}");
        assertThat(run.finish(execution)).isEqualTo(Duration.ofSeconds(7));
        assertThat(execution.error()).isEqualTo("Branch.Broke");
        assertThat(Clocked.types(execution)).filteredOn("ParallelStateStarted"::equals).hasSize(2);
    }
}
