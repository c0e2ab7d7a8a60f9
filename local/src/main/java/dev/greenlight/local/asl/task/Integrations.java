package dev.greenlight.local.asl.task;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.CompletableFuture;

/**
 * What Task states call: Lambda functions, AWS SDK integrations, optimized integrations, mocks.
 * A failure completes the future with a {@code StatesException} whose error is named as AWS names
 * it ({@code Lambda.ResourceNotFoundException}, a function's errorType, {@code States.TaskFailed}).
 */
@FunctionalInterface
public interface Integrations {

    /** Completes with the resource's result; for {@code .waitForTaskToken} the result is ignored. */
    CompletableFuture<JsonNode> invoke(TaskCall call);
}
