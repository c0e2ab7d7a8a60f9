package dev.greenlight.local.aws.stepfunctions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.local.asl.StatesError;
import dev.greenlight.local.clock.VirtualClock;
import dev.greenlight.local.gateway.AwsCli;
import dev.greenlight.local.gateway.WireGateway;
import dev.greenlight.local.testing.RequiredTool;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/** {@code aws stepfunctions redrive-execution} and {@code describe-execution} against the twin through the gateway. */
class RedriveOverTheCliTest {

    private final VirtualClock clock = new VirtualClock();
    private final AtomicInteger calls = new AtomicInteger();
    private final StepFunctionsTwin twin = new StepFunctionsTwin(clock, call -> calls.getAndIncrement() == 0
            ? CompletableFuture.failedFuture(StatesError.TASK_FAILED.withCause("first call fails"))
            : CompletableFuture.completedFuture(call.input()), new SplittableRandom(5));
    private final WireGateway gateway = WireGateway.builder().register(SfnClient.class, twin).start(0);
    private final AwsCli aws = new AwsCli(gateway.port());

    @BeforeAll
    static void needsTheCli() {
        RequiredTool.assume(AwsCli.installed(), "the AWS CLI (aws) is not on PATH: the CLI tests are skipped");
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void theCliRedrivesAFailedExecution() throws Exception {
        String machine = twin.createStateMachine(b -> b.name("cli").roleArn(Twins.ROLE).definition(Twins.quoted("""
                {'StartAt':'Work','States':{'Work':{'Type':'Task',
                  'Resource':'arn:aws:lambda:us-east-1:123456789012:function:work','End':true}}}""")))
                .stateMachineArn();
        String arn = twin.startExecution(b -> b.stateMachineArn(machine).input("{\"n\":1}")).executionArn();
        clock.runUntil(() -> twin.describeExecution(b -> b.executionArn(arn)).status() != ExecutionStatus.RUNNING);

        AwsCli.Result redriven = aws.run("stepfunctions", "redrive-execution", "--execution-arn", arn);
        clock.runUntil(() -> twin.describeExecution(b -> b.executionArn(arn)).status() != ExecutionStatus.RUNNING);
        AwsCli.Result described = aws.run("stepfunctions", "describe-execution", "--execution-arn", arn);
        AwsCli.Result again = aws.run("stepfunctions", "redrive-execution", "--execution-arn", arn);

        assertThat(redriven.exit()).as(redriven.stderr()).isZero();
        assertThat(redriven.json().path("redriveDate").isMissingNode()).isFalse();
        assertThat(described.json().path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(described.json().path("redriveCount").asInt()).isEqualTo(1);
        assertThat(described.json().path("redriveStatus").asText()).isEqualTo("NOT_REDRIVABLE");
        assertThat(again.exit()).isNotZero();
        assertThat(again.stderr()).contains("(ExecutionNotRedrivable)");
    }
}
