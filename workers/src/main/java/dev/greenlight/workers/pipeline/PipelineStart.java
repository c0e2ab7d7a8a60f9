package dev.greenlight.workers.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.greenlight.workers.core.DeploymentInput;
import dev.greenlight.workers.core.Worker;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;

/**
 * Starts the pipeline for a deployment input, under the name its service, tag and digest give
 * ({@link DeploymentInput#executionName}), so one image is released once however often it is asked
 * for: by the trigger on each push, by {@code greenlight start}, the demo and the console.
 */
public final class PipelineStart {

    /** @param started whether this call started it (false: an execution of that name exists already) */
    public record Outcome(String executionArn, String executionName, boolean started) {
    }

    private PipelineStart() {
    }

    public static Outcome start(SfnClient sfn, String stateMachineArn, DeploymentInput input) {
        String name = DeploymentInput.executionName(input.service(), input.image().tag(), input.image().digest());
        String arn = stateMachineArn.replace(":stateMachine:", ":execution:") + ":" + name;
        // StartExecution answers an existing execution's ARN when the name and input are the same: ask first,
        // so that "started" is true only for the call that started it.
        if (exists(sfn, arn)) {
            return new Outcome(arn, name, false);
        }
        try {
            String started = sfn.startExecution(r -> r.stateMachineArn(stateMachineArn).name(name)
                    .input(json(input))).executionArn();
            return new Outcome(started, name, true);
        } catch (ExecutionAlreadyExistsException e) {
            return new Outcome(arn, name, false);
        }
    }

    private static boolean exists(SfnClient sfn, String executionArn) {
        try {
            sfn.describeExecution(r -> r.executionArn(executionArn));
            return true;
        } catch (ExecutionDoesNotExistException e) {
            return false;
        }
    }

    private static String json(DeploymentInput input) {
        try {
            return Worker.JSON.writeValueAsString(input);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the execution input", e);
        }
    }
}
