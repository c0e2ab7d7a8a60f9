package dev.greenlight.local.asl.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.local.asl.Json;
import dev.greenlight.local.asl.LocalRun;
import dev.greenlight.local.asl.component.StateMachineType;
import dev.greenlight.local.asl.eval.Execution;
import dev.greenlight.local.asl.eval.ExecutionStatus;
import dev.greenlight.local.asl.eval.HistoryEvent;
import dev.greenlight.local.asl.eval.StartRequest;
import dev.greenlight.local.asl.parse.DefinitionParser;
import dev.greenlight.local.asl.task.LocalIntegrations;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The history quota, from the developer guide ("Avoid reaching the history quota"): a STANDARD execution records at
 * most 25,000 events; if event 25,000 is ExecutionSucceeded the execution succeeds, otherwise ExecutionFailed is
 * event 25,000 and the execution fails. EXPRESS executions have no such quota.
 *
 * <p>The loop records four events a round (Pass and Choice, each entered and exited) after ExecutionStarted, then
 * the Succeed state's two and ExecutionSucceeded: 4 x rounds + 4 events in all.
 */
class HistoryLimitTest {

    private static final String LOOP = """
            {"StartAt":"Count","States":{
              "Count":{"Type":"Pass","Parameters":{"n.$":"States.MathAdd($.n, 1)","target.$":"$.target"},"Next":"More?"},
              "More?":{"Type":"Choice","Choices":[{"Variable":"$.n","NumericLessThanPath":"$.target","Next":"Count"}],
                       "Default":"Done"},
              "Done":{"Type":"Succeed"}}}""";

    @ParameterizedTest(name = "{0} rounds, {1}: {2}")
    @CsvSource({
            "6249, STANDARD, SUCCEEDED, 25000",  // event 25,000 is ExecutionSucceeded
            "6250, STANDARD, FAILED, 25000",     // event 25,000 would be ChoiceStateExited
            "7000, STANDARD, FAILED, 25000",
            "6250, EXPRESS, SUCCEEDED, 25004",
            "100, STANDARD, SUCCEEDED, 404"})
    void standardHistoryEndsAt25000Events(int rounds, StateMachineType type, ExecutionStatus status, int events) {
        Execution execution = LocalRun.virtualTime(DefinitionParser.parse(LOOP),
                StartRequest.of("loop", Json.parse("{\"n\":0,\"target\":" + rounds + "}")).withType(type),
                new LocalIntegrations());
        assertThat(execution.status()).isEqualTo(status);
        List<HistoryEvent> history = execution.history().events();
        assertThat(history).hasSize(events);
        HistoryEvent last = history.get(history.size() - 1);
        assertThat(last.type()).isEqualTo(status == ExecutionStatus.SUCCEEDED ? "ExecutionSucceeded" : "ExecutionFailed");
        assertThat(last.id()).isEqualTo(events);
        if (status == ExecutionStatus.FAILED) {
            assertThat(execution.error()).isEqualTo("States.Runtime");
            assertThat(last.details().path("error").asText()).isEqualTo("States.Runtime");
            assertThat(last.previousEventId()).isEqualTo(events - 1);
        }
    }
}
