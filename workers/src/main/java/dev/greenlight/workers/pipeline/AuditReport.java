package dev.greenlight.workers.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.workers.core.Worker;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;

/**
 * What an execution did and on what evidence, from its history alone: who or what started it and
 * with which image, then each step in order with the worker's answer (digest and findings, verdicts,
 * alarm states, who approved and why), and how it ended (the rollback cause). A polling loop is one
 * step with the number of polls and the last answer.
 *
 * @param input   the execution input's {@code service}, {@code image} and {@code trigger}
 * @param status  the execution's status: RUNNING, SUCCEEDED, FAILED, TIMED_OUT or ABORTED
 * @param stopped null while it runs
 * @param error   the named error it failed with (e.g. {@code Greenlight.AlarmFired}), or null
 * @param cause   why, in a sentence, or null
 * @param smokeTest the smoke test's report ({@code status}, {@code checks}) from the first watch answer
 *                  that carries it, or null: the evidence the first gate decided on
 */
public record AuditReport(String execution, String status, Instant started, Instant stopped, JsonNode input,
        List<Step> timeline, String error, String cause, JsonNode smokeTest) {

    /**
     * One state of the timeline.
     *
     * @param visits   how many times it was entered in a row (polls of a watch loop)
     * @param failures failed attempts that were retried or caught, the last one in {@code lastError}
     * @param evidence the worker's last answer (its Lambda payload), or the approval's answer; null if none
     */
    public record Step(String state, Instant entered, Instant left, int visits, int failures, String lastError,
            JsonNode evidence) {

        /**
         * The last failure as a person reads it: the error and its message. A Lambda function's cause is
         * its error payload ({@code errorMessage}, {@code errorType}, {@code stackTrace}); the trace is
         * for tools and stays in the JSON report.
         */
        public String lastErrorBrief() {
            if (lastError == null) {
                return null;
            }
            int colon = lastError.indexOf(": ");
            if (colon < 0) {
                return lastError;
            }
            String cause = lastError.substring(colon + 2);
            JsonNode payload = json(cause);
            String message = payload.isObject() && payload.has("errorMessage")
                    ? payload.path("errorMessage").asText()
                    : cause.lines().findFirst().orElse("");
            return lastError.substring(0, colon) + ": " + message;
        }
    }

    /** The error and cause for a person; null unless it failed. */
    public Failure failure() {
        return Failure.of(error, cause);
    }

    /** States that do work or decide the outcome; Choice, Pass and Wait only route between them. */
    private static final Set<HistoryEventType> SHOWN = Set.of(HistoryEventType.TASK_STATE_ENTERED,
            HistoryEventType.PARALLEL_STATE_ENTERED, HistoryEventType.MAP_STATE_ENTERED,
            HistoryEventType.SUCCEED_STATE_ENTERED, HistoryEventType.FAIL_STATE_ENTERED);

    public static AuditReport of(ExecutionHistory history) {
        Map<Long, HistoryEvent> byId = new HashMap<>();
        List<StepBuilder> steps = new ArrayList<>();
        JsonNode input = Worker.JSON.missingNode();
        JsonNode smokeTest = null;
        for (HistoryEvent event : history.events()) {
            byId.put(event.id(), event);
            switch (event.type()) {
                case EXECUTION_STARTED -> input = json(event.executionStartedEventDetails().input());
                case TASK_SUCCEEDED -> {
                    JsonNode output = json(event.taskSucceededEventDetails().output());
                    stepOf(event, byId, steps).answered(event.timestamp(), output);
                    JsonNode smoke = output.path("Payload").path("smokeTest");
                    if (smokeTest == null && smoke.isObject()) {
                        smokeTest = smoke;
                    }
                }
                case TASK_SCHEDULED -> {
                    if (WaitingApproval.isRequest(event)) {
                        waitOf(event, byId, steps).asked(AskedApproval.of(history.execution().name(), event));
                    }
                }
                case TASK_FAILED -> stepOf(event, byId, steps).failed(event.taskFailedEventDetails().error() + ": "
                        + event.taskFailedEventDetails().cause());
                case TASK_TIMED_OUT -> stepOf(event, byId, steps).failed(event.taskTimedOutEventDetails().error()
                        + ": " + event.taskTimedOutEventDetails().cause());
                default -> enteredOrLeft(event, steps);
            }
        }
        var execution = history.execution();
        return new AuditReport(execution.name(), execution.statusAsString(), execution.startDate(),
                execution.stopDate(), summary(input), steps.stream().map(StepBuilder::build).toList(),
                execution.error(), execution.cause(), smokeTest);
    }

    private static void enteredOrLeft(HistoryEvent event, List<StepBuilder> steps) {
        if (SHOWN.contains(event.type())) {
            String name = event.stateEnteredEventDetails().name();
            StepBuilder last = steps.isEmpty() ? null : steps.get(steps.size() - 1);
            // A loop of one state (a watch and its Wait) or of two (a watch and its synthetic load) is one line each.
            StepBuilder beforeLast = steps.size() < 2 ? null : steps.get(steps.size() - 2);
            if (last != null && last.state.equals(name)) {
                last.visits++;
            } else if (beforeLast != null && beforeLast.state.equals(name)) {
                beforeLast.visits++;
            } else {
                StepBuilder step = new StepBuilder(name, event.timestamp());
                step.parallel = event.type() == HistoryEventType.PARALLEL_STATE_ENTERED;
                steps.add(step);
            }
        } else if (event.stateExitedEventDetails() != null) {
            String name = event.stateExitedEventDetails().name();
            steps.stream().filter(step -> step.state.equals(name)).reduce((first, second) -> second)
                    .ifPresent(step -> step.left = event.timestamp());
        }
    }

    /**
     * The step that waits for an approval's answer: the Parallel around the callback task (its watch
     * branch runs beside it), else the task's own step.
     */
    private static StepBuilder waitOf(HistoryEvent event, Map<Long, HistoryEvent> byId, List<StepBuilder> steps) {
        return steps.stream().filter(step -> step.parallel && step.left == null).reduce((first, second) -> second)
                .orElseGet(() -> stepOf(event, byId, steps));
    }

    /** The step a task event belongs to: its chain of previous events leads back to its state's entry. */
    private static StepBuilder stepOf(HistoryEvent event, Map<Long, HistoryEvent> byId, List<StepBuilder> steps) {
        HistoryEvent at = event;
        while (at != null && at.stateEnteredEventDetails() == null) {
            at = byId.get(at.previousEventId());
        }
        String name = at == null ? "?" : at.stateEnteredEventDetails().name();
        return steps.stream().filter(step -> step.state.equals(name)).reduce((first, second) -> second)
                .orElseGet(() -> {
                    StepBuilder step = new StepBuilder(name, event.timestamp());
                    steps.add(step);
                    return step;
                });
    }

    /** The parts of the input a reader needs; the service's configuration stays in the history. */
    private static JsonNode summary(JsonNode input) {
        var summary = Worker.JSON.createObjectNode();
        for (String field : List.of("service", "image", "trigger", "override")) {
            if (input.hasNonNull(field)) {
                summary.set(field, input.get(field));
            }
        }
        return summary;
    }

    public static JsonNode json(String text) {
        if (text == null) {
            return Worker.JSON.nullNode();
        }
        try {
            return Worker.JSON.readTree(text);
        } catch (IOException e) {
            return Worker.JSON.getNodeFactory().textNode(text);
        }
    }

    private static final class StepBuilder {

        private final String state;
        private final Instant entered;
        private Instant left;
        private int visits = 1;
        private int failures;
        private String lastError;
        private JsonNode evidence;
        private boolean parallel;

        StepBuilder(String state, Instant entered) {
            this.state = state;
            this.entered = entered;
        }

        /** A Lambda answer comes in its envelope; a task token's answer is the output as sent. */
        void answered(Instant at, JsonNode output) {
            evidence = output.has("Payload") ? output.get("Payload") : output;
            left = at;
        }

        /** A Parallel has no answer of its own: what it waits for is its evidence. */
        void asked(AskedApproval approval) {
            if (evidence == null) {
                evidence = approval.evidence();
            }
        }

        void failed(String error) {
            failures++;
            lastError = error;
        }

        Step build() {
            return new Step(state, entered, left, visits, failures, lastError, evidence);
        }
    }
}
