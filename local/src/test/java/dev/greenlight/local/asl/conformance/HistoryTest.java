package dev.greenlight.local.asl.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.local.asl.Json;
import dev.greenlight.local.asl.StatesException;
import dev.greenlight.local.asl.eval.Execution;
import dev.greenlight.local.asl.eval.HistoryEvent;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * GetExecutionHistory, from its API reference (docs.aws.amazon.com/step-functions/latest/apireference/
 * API_GetExecutionHistory.html and API_HistoryEvent.html): events numbered from 1, each with the
 * previousEventId of the event before it in its thread of control, typed as HistoryEventType and with
 * the details object its type names (stateEnteredEventDetails, taskScheduledEventDetails, ...).
 */
class HistoryTest {

    /** "type id previousEventId" for every event, the shape a reader checks a history by. */
    private static List<String> idsOf(Execution execution) {
        return execution.history().events().stream()
                .map(event -> event.type() + " " + event.id() + " " + event.previousEventId()).toList();
    }

    private static final String TASK = """
            {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
              "Parameters":{"FunctionName":"f"},"TimeoutSeconds":30,
              "Retry":[{"ErrorEquals":["States.ALL"],"IntervalSeconds":1,"MaxAttempts":1}],"End":true}}}""";

    @Test
    void task_recordsScheduledStartedSucceededWithTheirDetails() {
        Clocked run = new Clocked(call -> CompletableFuture.completedFuture(Json.parse("{\"v\":1}")));
        Execution execution = run.start(TASK, "{\"a\":1}");
        run.finish(execution);
        assertThat(idsOf(execution)).containsExactly("ExecutionStarted 1 0", "TaskStateEntered 2 1",
                "TaskScheduled 3 2", "TaskStarted 4 3", "TaskSucceeded 5 4", "TaskStateExited 6 5",
                "ExecutionSucceeded 7 6");
        List<HistoryEvent> events = execution.history().events();
        assertThat(events.get(1).details().path("name").asText()).isEqualTo("T");
        assertThat(events.get(1).details().path("input").asText()).isEqualTo("{\"a\":1}");
        HistoryEvent scheduled = events.get(2);
        assertThat(scheduled.detailsField()).isEqualTo("taskScheduledEventDetails");
        assertThat(Json.write(scheduled.details())).isEqualTo("{\"resourceType\":\"lambda\",\"resource\":\"invoke\","
                + "\"region\":\"us-east-1\",\"parameters\":\"{\\\"FunctionName\\\":\\\"f\\\"}\","
                + "\"timeoutInSeconds\":30}");
        assertThat(events.get(4).details().path("output").asText()).isEqualTo("{\"v\":1}");
        assertThat(events.get(6).detailsField()).isEqualTo("executionSucceededEventDetails");
        assertThat(events.get(6).details().path("output").asText()).isEqualTo("{\"v\":1}");
    }

    @Test
    void retriedTask_schedulesAgainAfterTaskFailed() {
        AtomicInteger calls = new AtomicInteger();
        Clocked run = new Clocked(call -> calls.getAndIncrement() == 0
                ? CompletableFuture.failedFuture(new StatesException("Custom.Error", "first"))
                : CompletableFuture.completedFuture(Json.parse("{}")));
        Execution execution = run.start(TASK, "{}");
        run.finish(execution);
        assertThat(idsOf(execution)).containsExactly("ExecutionStarted 1 0", "TaskStateEntered 2 1",
                "TaskScheduled 3 2", "TaskStarted 4 3", "TaskFailed 5 4", "TaskScheduled 6 5", "TaskStarted 7 6",
                "TaskSucceeded 8 7", "TaskStateExited 9 8", "ExecutionSucceeded 10 9");
        HistoryEvent failed = execution.history().events().get(4);
        assertThat(failed.detailsField()).isEqualTo("taskFailedEventDetails");
        assertThat(Json.write(failed.details())).isEqualTo("{\"error\":\"Custom.Error\",\"cause\":\"first\","
                + "\"resourceType\":\"lambda\",\"resource\":\"invoke\"}");
        assertThat(execution.history().events().get(5).timestamp())
                .isEqualTo(failed.timestamp().plusSeconds(1));
    }

    /**
     * Each branch is a thread of its own: its first event follows ParallelStateStarted, and
     * ParallelStateSucceeded follows the last branch event. (How AWS interleaves concurrent branches
     * is not fixed; the engine runs each branch's transitions in turn.)
     */
    @Test
    void parallel_linksEachBranchToParallelStateStarted() {
        Clocked run = new Clocked(Clocked.never());
        Execution execution = run.start("""
                {"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,"Branches":[
                  {"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}},
                  {"StartAt":"B","States":{"B":{"Type":"Pass","End":true}}}]}}}""", "{}");
        run.finish(execution);
        assertThat(idsOf(execution)).containsExactly("ExecutionStarted 1 0", "ParallelStateEntered 2 1",
                "ParallelStateStarted 3 2", "PassStateEntered 4 3", "PassStateExited 5 4", "PassStateEntered 6 3",
                "PassStateExited 7 6", "ParallelStateSucceeded 8 7", "ParallelStateExited 9 8",
                "ExecutionSucceeded 10 9");
    }

    @Test
    void map_recordsEveryIterationWithItsIndex() {
        Clocked run = new Clocked(Clocked.never());
        Execution execution = run.start("""
                {"StartAt":"M","States":{"M":{"Type":"Map","End":true,"MaxConcurrency":1,
                  "ItemProcessor":{"StartAt":"I","States":{"I":{"Type":"Pass","End":true}}}}}}""", "[\"x\",\"y\"]");
        run.finish(execution);
        assertThat(idsOf(execution)).containsExactly("ExecutionStarted 1 0", "MapStateEntered 2 1",
                "MapStateStarted 3 2", "MapIterationStarted 4 3", "PassStateEntered 5 4", "PassStateExited 6 5",
                "MapIterationSucceeded 7 6", "MapIterationStarted 8 7", "PassStateEntered 9 8", "PassStateExited 10 9",
                "MapIterationSucceeded 11 10", "MapStateSucceeded 12 11", "MapStateExited 13 12",
                "ExecutionSucceeded 14 13");
        List<HistoryEvent> events = execution.history().events();
        assertThat(Json.write(events.get(2).details())).isEqualTo("{\"length\":2}");
        assertThat(Json.write(events.get(7).details())).isEqualTo("{\"name\":\"M\",\"index\":1}");
    }
}
