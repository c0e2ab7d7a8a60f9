package dev.greenlight.local.asl.eval;

import dev.greenlight.local.asl.component.StateMachineType;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * What StartExecution takes, with the state machine it starts already parsed.
 *
 * @param name the execution's name; null gives it a UUID, as StartExecution does without one
 * @param executionArn the ARN the caller already gave the execution (the Step Functions twin), or
 *     null for the engine to make AWS's: {@code ...:execution:MACHINE:NAME} for STANDARD,
 *     {@code ...:express:MACHINE:NAME:ID} for EXPRESS
 */
public record StartRequest(String stateMachineArn, String name, JsonNode input, StateMachineType type, String roleArn,
        String executionArn) {

    /** The account and region every local ARN uses. */
    private static final String ARN_PREFIX = "arn:aws:states:us-east-1:123456789012:";
    private static final String ROLE_ARN = "arn:aws:iam::123456789012:role/local";

    public StartRequest(String stateMachineArn, String name, JsonNode input, StateMachineType type, String roleArn) {
        this(stateMachineArn, name, input, type, roleArn, null);
    }

    /** An execution named {@code name} of the STANDARD state machine "local". */
    public static StartRequest of(String name, JsonNode input) {
        return of("local", name, input);
    }

    /** An execution named {@code name} (null: a UUID) of the STANDARD state machine {@code stateMachineName}. */
    public static StartRequest of(String stateMachineName, String name, JsonNode input) {
        return new StartRequest(ARN_PREFIX + "stateMachine:" + stateMachineName, name, input,
                StateMachineType.STANDARD, ROLE_ARN);
    }

    public StartRequest withType(StateMachineType newType) {
        return new StartRequest(stateMachineArn, name, input, newType, roleArn, executionArn);
    }
}
