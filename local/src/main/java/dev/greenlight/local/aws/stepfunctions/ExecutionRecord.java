package dev.greenlight.local.aws.stepfunctions;

import dev.greenlight.local.asl.Json;
import dev.greenlight.local.asl.eval.Execution;
import software.amazon.awssdk.services.sfn.model.CloudWatchEventsExecutionDataDetails;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.DescribeStateMachineForExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionRedriveStatus;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.StartSyncExecutionResponse;
import software.amazon.awssdk.services.sfn.model.SyncExecutionStatus;

/**
 * An execution of the twin: the engine's run, the input as the caller wrote it, the state machine as
 * it was when the execution started (DescribeStateMachineForExecution, and what a redrive runs), and
 * the client tokens of its redrives.
 */
record ExecutionRecord(String executionArn, Execution execution, String input, StateMachineRecord machine,
        RedriveTokens redriveTokens) {

    ExecutionRecord(String executionArn, Execution execution, String input, StateMachineRecord machine) {
        this(executionArn, execution, input, machine, new RedriveTokens());
    }

    private static final CloudWatchEventsExecutionDataDetails INCLUDED =
            CloudWatchEventsExecutionDataDetails.builder().included(true).build();

    ExecutionStatus status() {
        return ExecutionStatus.fromValue(execution.status().name());
    }

    boolean isRunning() {
        return !execution.status().isTerminal();
    }

    /** @param reason why it cannot be redriven now (see {@link Redrivability}), or null */
    DescribeExecutionResponse describe(String reason) {
        return DescribeExecutionResponse.builder()
                .executionArn(executionArn)
                .stateMachineArn(machine.arn())
                .name(execution.name())
                .status(status())
                .startDate(execution.startDate())
                .stopDate(execution.stopDate())
                .input(input)
                .inputDetails(INCLUDED)
                .output(output())
                .outputDetails(execution.output() == null ? null : INCLUDED)
                .error(execution.error())
                .cause(execution.cause())
                .redriveCount(execution.redriveCount())
                .redriveDate(execution.redriveDate())
                .redriveStatus(reason == null ? ExecutionRedriveStatus.REDRIVABLE : ExecutionRedriveStatus.NOT_REDRIVABLE)
                .redriveStatusReason(reason)
                .build();
    }

    StartSyncExecutionResponse syncResponse() {
        return StartSyncExecutionResponse.builder()
                .executionArn(executionArn)
                .stateMachineArn(machine.arn())
                .name(execution.name())
                .startDate(execution.startDate())
                .stopDate(execution.stopDate())
                .status(SyncExecutionStatus.fromValue(execution.status().name()))
                .error(execution.error())
                .cause(execution.cause())
                .input(input)
                .inputDetails(INCLUDED)
                .output(output())
                .outputDetails(execution.output() == null ? null : INCLUDED)
                .build();
    }

    ExecutionListItem listItem() {
        return ExecutionListItem.builder()
                .executionArn(executionArn)
                .stateMachineArn(machine.arn())
                .name(execution.name())
                .status(status())
                .startDate(execution.startDate())
                .stopDate(execution.stopDate())
                .redriveCount(execution.redriveCount())
                .redriveDate(execution.redriveDate())
                .build();
    }

    DescribeStateMachineForExecutionResponse describeStateMachine() {
        return DescribeStateMachineForExecutionResponse.builder()
                .stateMachineArn(machine.arn())
                .name(machine.name())
                .definition(machine.definition())
                .roleArn(machine.roleArn())
                .updateDate(machine.updateDate())
                .loggingConfiguration(machine.logging())
                .tracingConfiguration(machine.tracing())
                .build();
    }

    private String output() {
        return execution.output() == null ? null : Json.write(execution.output());
    }
}
