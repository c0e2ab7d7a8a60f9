package dev.greenlight.workers.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;

/**
 * A step that waits because its worker answered "not yet" (a named error its Retry retries, such as
 * Preflight's {@code StaleAlarmStillFiring} or {@code DeploymentInProgress}): the worker's reason,
 * since when it waits, how often it looks again, and when the state machine gives up and the
 * release fails. The history gives the failed attempts; the definition gives the Retry policy.
 *
 * @param error       the retried error's name
 * @param reason      the worker's message for it
 * @param since       the first attempt that failed with it
 * @param attempts    attempts that failed with it so far
 * @param maxAttempts how many retries the policy allows
 * @param nextAt      when the next attempt starts
 * @param givesUpAt   when the last retry fails, if every attempt fails at once: the release fails then
 */
public record RetriedWait(String state, String error, String reason, Instant since, int attempts, int maxAttempts,
        Duration interval, Instant nextAt, Instant givesUpAt) {

    /** The state's failed attempts' short error name: {@code StaleAlarmStillFiring}. */
    public String errorName() {
        return error.substring(error.lastIndexOf('.') + 1);
    }

    /**
     * @param definition the execution's state machine definition, read only when a step waits
     * @return the wait of the state the running execution is in, if its last attempt failed and will be retried
     */
    public static Optional<RetriedWait> of(ExecutionHistory history, Supplier<JsonNode> definition) {
        if (history.execution() == null || history.execution().status() != ExecutionStatus.RUNNING) {
            return Optional.empty();
        }
        List<HistoryEvent> events = history.events();
        int entered = events.size() - 1;
        while (entered >= 0 && events.get(entered).stateEnteredEventDetails() == null) {
            entered--;
        }
        if (entered < 0) {
            return Optional.empty();
        }
        String state = events.get(entered).stateEnteredEventDetails().name();
        List<HistoryEvent> failures = new ArrayList<>();
        for (HistoryEvent event : events.subList(entered + 1, events.size())) {
            if (event.type() == HistoryEventType.TASK_FAILED) {
                failures.add(event);
            } else if (event.type() == HistoryEventType.TASK_SUCCEEDED || event.stateExitedEventDetails() != null) {
                return Optional.empty();
            }
        }
        if (failures.isEmpty()) {
            return Optional.empty();
        }
        HistoryEvent last = failures.get(failures.size() - 1);
        String error = last.taskFailedEventDetails().error();
        JsonNode retrier = retrier(find(definition.get().path("States"), state), error);
        if (retrier == null) {
            return Optional.empty();
        }
        List<HistoryEvent> same = failures.stream()
                .filter(failure -> matches(retrier, failure.taskFailedEventDetails().error())).toList();
        int attempts = same.size();
        int maxAttempts = retrier.path("MaxAttempts").asInt(3);
        if (attempts > maxAttempts) {
            return Optional.empty();
        }
        Instant nextAt = last.timestamp().plus(delay(retrier, attempts));
        Instant givesUpAt = last.timestamp();
        for (int retry = attempts; retry <= maxAttempts; retry++) {
            givesUpAt = givesUpAt.plus(delay(retrier, retry));
        }
        return Optional.of(new RetriedWait(state, error, message(last.taskFailedEventDetails().cause()),
                same.get(0).timestamp(), attempts, maxAttempts, delay(retrier, 1), nextAt, givesUpAt));
    }

    /** Retry's wait before retry {@code n} (1-based): IntervalSeconds x BackoffRate^(n-1), at most MaxDelaySeconds. */
    private static Duration delay(JsonNode retrier, int n) {
        double seconds = retrier.path("IntervalSeconds").asDouble(1)
                * Math.pow(retrier.path("BackoffRate").asDouble(2.0), n - 1);
        if (retrier.has("MaxDelaySeconds")) {
            seconds = Math.min(seconds, retrier.get("MaxDelaySeconds").asDouble());
        }
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    /** The first retrier that matches the error, as Step Functions picks it; null when none does. */
    private static JsonNode retrier(JsonNode state, String error) {
        if (state == null) {
            return null;
        }
        for (JsonNode retrier : state.path("Retry")) {
            if (matches(retrier, error)) {
                return retrier;
            }
        }
        return null;
    }

    private static boolean matches(JsonNode retrier, String error) {
        for (JsonNode name : retrier.path("ErrorEquals")) {
            if (name.asText().equals(error) || name.asText().equals("States.ALL")
                    || name.asText().equals("States.TaskFailed") && !error.equals("States.Timeout")) {
                return true;
            }
        }
        return false;
    }

    /** The named state, in the top level or in a Parallel's branches or a Map's processor; null if absent. */
    private static JsonNode find(JsonNode states, String name) {
        if (states.has(name)) {
            return states.get(name);
        }
        for (JsonNode state : states) {
            for (JsonNode branch : state.path("Branches")) {
                JsonNode found = find(branch.path("States"), name);
                if (found != null) {
                    return found;
                }
            }
            for (String processor : List.of("ItemProcessor", "Iterator")) {
                if (state.has(processor)) {
                    JsonNode found = find(state.get(processor).path("States"), name);
                    if (found != null) {
                        return found;
                    }
                }
            }
        }
        return null;
    }

    /** A Lambda function's error payload carries its message; any other cause is its own message. */
    private static String message(String cause) {
        JsonNode payload = AuditReport.json(cause);
        return payload.isObject() && payload.has("errorMessage") ? payload.get("errorMessage").asText() : cause;
    }
}
