package dev.greenlight.local.aws.stepfunctions;

import dev.greenlight.local.asl.component.StateMachine;
import java.time.Instant;
import java.util.Objects;
import software.amazon.awssdk.services.sfn.model.DescribeStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.LoggingConfiguration;
import software.amazon.awssdk.services.sfn.model.LogLevel;
import software.amazon.awssdk.services.sfn.model.StateMachineListItem;
import software.amazon.awssdk.services.sfn.model.StateMachineStatus;
import software.amazon.awssdk.services.sfn.model.StateMachineType;
import software.amazon.awssdk.services.sfn.model.TracingConfiguration;

/**
 * A state machine as DescribeStateMachine shows it, with its definition already parsed.
 *
 * @param updateDate when the definition or role last changed (the creation date until then)
 * @param deleting   DeleteStateMachine was called and executions are still running
 */
record StateMachineRecord(String arn, String name, String definition, StateMachine machine, String roleArn,
        StateMachineType type, LoggingConfiguration logging, TracingConfiguration tracing, Instant creationDate,
        Instant updateDate, boolean deleting) {

    /** What AWS reports when no logging or tracing configuration was given. */
    static final LoggingConfiguration NO_LOGGING = LoggingConfiguration.builder().level(LogLevel.OFF)
            .includeExecutionData(false).build();
    static final TracingConfiguration NO_TRACING = TracingConfiguration.builder().enabled(false).build();

    /** The engine's name for the type. */
    dev.greenlight.local.asl.component.StateMachineType engineType() {
        return engineType(type);
    }

    static dev.greenlight.local.asl.component.StateMachineType engineType(StateMachineType type) {
        return type == StateMachineType.EXPRESS ? dev.greenlight.local.asl.component.StateMachineType.EXPRESS
                : dev.greenlight.local.asl.component.StateMachineType.STANDARD;
    }

    /** CreateStateMachine's idempotency: the same name, definition, type, logging and tracing; the role may differ. */
    boolean sameAs(String otherDefinition, StateMachineType otherType, LoggingConfiguration otherLogging,
            TracingConfiguration otherTracing) {
        return definition.equals(otherDefinition) && type == otherType && Objects.equals(logging, otherLogging)
                && Objects.equals(tracing, otherTracing);
    }

    StateMachineRecord updated(String newDefinition, StateMachine newMachine, String newRoleArn,
            LoggingConfiguration newLogging, TracingConfiguration newTracing, Instant at) {
        return new StateMachineRecord(arn, name, newDefinition, newMachine, newRoleArn, type, newLogging, newTracing,
                creationDate, at, deleting);
    }

    StateMachineRecord markedDeleting() {
        return new StateMachineRecord(arn, name, definition, machine, roleArn, type, logging, tracing, creationDate,
                updateDate, true);
    }

    DescribeStateMachineResponse describe() {
        return DescribeStateMachineResponse.builder()
                .stateMachineArn(arn)
                .name(name)
                .status(deleting ? StateMachineStatus.DELETING : StateMachineStatus.ACTIVE)
                .definition(definition)
                .roleArn(roleArn)
                .type(type)
                .creationDate(creationDate)
                .loggingConfiguration(logging)
                .tracingConfiguration(tracing)
                .build();
    }

    StateMachineListItem listItem() {
        return StateMachineListItem.builder().stateMachineArn(arn).name(name).type(type).creationDate(creationDate)
                .build();
    }
}
