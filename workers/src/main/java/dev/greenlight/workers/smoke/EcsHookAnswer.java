package dev.greenlight.workers.smoke;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What an ECS lifecycle hook returns: {@code hookStatus} SUCCEEDED (the deployment goes on), FAILED (ECS
 * rolls back) or IN_PROGRESS (ECS invokes the hook again after {@code callBackDelay} seconds, 30 when
 * absent). Unlike CodeDeploy's hooks, the answer is the function's return value, not a callback.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EcsHookAnswer(String hookStatus, Integer callBackDelay) {

    public static final EcsHookAnswer SUCCEEDED = new EcsHookAnswer("SUCCEEDED", null);
    public static final EcsHookAnswer FAILED = new EcsHookAnswer("FAILED", null);

    public static EcsHookAnswer inProgress(int callBackDelaySeconds) {
        return new EcsHookAnswer("IN_PROGRESS", callBackDelaySeconds);
    }
}
