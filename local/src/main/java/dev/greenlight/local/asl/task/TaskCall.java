package dev.greenlight.local.asl.task;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One call of a Task state's resource.
 *
 * @param attempt   0 for the first call of this state entry, counting retries
 * @param taskToken the token a {@code .waitForTaskToken} task waits on, else null
 * @param roleArn   the execution's role, which Step Functions calls the resource as (null: no role, unchecked)
 * @param executionName the execution's name
 */
public record TaskCall(String stateName, String resource, JsonNode input, int attempt, String taskToken,
        String roleArn, String executionName) {
}
