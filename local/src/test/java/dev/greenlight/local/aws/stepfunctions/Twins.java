package dev.greenlight.local.aws.stepfunctions;

import dev.greenlight.local.asl.StatesError;
import dev.greenlight.local.aws.lambda.LambdaTaskIntegration;
import dev.greenlight.local.aws.lambda.LambdaTwin;
import dev.greenlight.local.clock.VirtualClock;
import java.util.SplittableRandom;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/** A Lambda twin and a Step Functions twin on one virtual clock, wired as the local twin wires them. */
final class Twins {

    static final String ROLE = "arn:aws:iam::123456789012:role/greenlight-pipeline";
    static final String MACHINES = "arn:aws:states:us-east-1:123456789012:stateMachine:";

    final VirtualClock clock = new VirtualClock();
    final LambdaTwin lambda = new LambdaTwin(clock, new SplittableRandom(3));
    final StepFunctionsTwin twin = new StepFunctionsTwin(clock, new LambdaTaskIntegration(lambda, call -> {
        throw StatesError.RUNTIME.withCause("no integration for " + call.resource());
    }), new SplittableRandom(5));
    /** What tests call: the twin as worker code sees it. */
    final SfnClient sfn = twin;

    /** Creates a STANDARD state machine and returns its ARN. */
    String machine(String name, String definition) {
        return sfn.createStateMachine(b -> b.name(name).definition(definition).roleArn(ROLE)).stateMachineArn();
    }

    /** Runs the clock until the execution has ended, and describes it. */
    DescribeExecutionResponse finish(String executionArn) {
        clock.runUntil(() -> sfn.describeExecution(b -> b.executionArn(executionArn)).status()
                != ExecutionStatus.RUNNING);
        return sfn.describeExecution(b -> b.executionArn(executionArn));
    }

    /** Definitions are written with single quotes so they read well in Java text. */
    static String quoted(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }
}
