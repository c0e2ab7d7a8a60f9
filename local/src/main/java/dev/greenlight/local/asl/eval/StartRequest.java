package dev.greenlight.local.asl.eval;

import dev.greenlight.local.asl.component.StateMachineType;
import com.fasterxml.jackson.databind.JsonNode;

/** What StartExecution takes, with the state machine it starts already parsed. */
public record StartRequest(String stateMachineArn, String name, JsonNode input, StateMachineType type, String roleArn) {

    public static StartRequest of(String name, JsonNode input) {
        return new StartRequest("arn:aws:states:us-east-1:123456789012:stateMachine:local", name, input,
                StateMachineType.STANDARD, "arn:aws:iam::123456789012:role/local");
    }

    public StartRequest withType(StateMachineType newType) {
        return new StartRequest(stateMachineArn, name, input, newType, roleArn);
    }
}
