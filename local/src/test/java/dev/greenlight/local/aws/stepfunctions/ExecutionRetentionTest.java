package dev.greenlight.local.aws.stepfunctions;

import static dev.greenlight.local.aws.stepfunctions.StateMachinesTest.PASS;
import static dev.greenlight.local.aws.stepfunctions.StateMachinesTest.WAIT;
import static dev.greenlight.local.aws.stepfunctions.StateMachinesTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.local.aws.lambda.LambdaTaskIntegration;
import dev.greenlight.local.aws.lambda.LambdaTwin;
import dev.greenlight.local.clock.VirtualClock;
import java.time.Duration;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/** Closed executions are kept as AWS keeps them (90 days) and at most a configured number of them. */
class ExecutionRetentionTest {

    private final VirtualClock clock = new VirtualClock();

    @Test
    void aClosedExecutionIsGoneAfterTheRetentionPeriod_asOnAws() {
        StepFunctionsTwin twin = twin(new ExecutionRetention(Duration.ofDays(90), 100));
        String machine = machine(twin, "pass", PASS);
        String arn = twin.startExecution(b -> b.stateMachineArn(machine).name("old")).executionArn();
        clock.advance(Duration.ofSeconds(1));

        clock.advance(Duration.ofDays(89));
        assertThat(twin.describeExecution(b -> b.executionArn(arn)).status()).isEqualTo(ExecutionStatus.SUCCEEDED);

        clock.advance(Duration.ofDays(1).plusSeconds(1));
        assertError(() -> twin.describeExecution(b -> b.executionArn(arn)), "ExecutionDoesNotExist", null);
        assertThat(twin.listExecutions(b -> b.stateMachineArn(machine)).executions()).isEmpty();
    }

    @Test
    void pastTheCountTheEarliestClosedExecutionsGoFirst_andRunningOnesStay() {
        StepFunctionsTwin twin = twin(new ExecutionRetention(Duration.ofDays(90), 3));
        String waiting = machine(twin, "wait", WAIT);
        twin.startExecution(b -> b.stateMachineArn(waiting).name("still-running"));
        String pass = machine(twin, "pass", PASS);
        for (int i = 1; i <= 5; i++) {
            int n = i;
            twin.startExecution(b -> b.stateMachineArn(pass).name("run-" + n));
            clock.advance(Duration.ofSeconds(1));
        }
        twin.startExecution(b -> b.stateMachineArn(pass).name("run-6"));
        clock.advance(Duration.ofSeconds(1));

        assertThat(twin.listExecutions(b -> b.stateMachineArn(pass)).executions())
                .extracting(ExecutionListItem::name).containsExactly("run-6", "run-5", "run-4");
        assertThat(twin.listExecutions(b -> b.stateMachineArn(waiting)).executions())
                .extracting(ExecutionListItem::status).containsExactly(ExecutionStatus.RUNNING);
    }

    @Test
    void theEnvironmentSetsTheRetention_andABadValueSaysWhichVariable() {
        assertThat(ExecutionRetention.from(Map.of())).isEqualTo(ExecutionRetention.DEFAULT);
        assertThat(ExecutionRetention.from(Map.of(ExecutionRetention.MAX_AGE_DAYS, "7",
                ExecutionRetention.MAX_CLOSED, "500")))
                .isEqualTo(new ExecutionRetention(Duration.ofDays(7), 500));
        assertThatThrownBy(() -> ExecutionRetention.from(Map.of(ExecutionRetention.MAX_CLOSED, "0")))
                .hasMessageContaining("GREENLIGHT_SFN_MAX_CLOSED_EXECUTIONS must be a whole number");
        assertThatThrownBy(() -> ExecutionRetention.from(Map.of(ExecutionRetention.MAX_AGE_DAYS, "ninety")))
                .hasMessageContaining("GREENLIGHT_SFN_RETENTION_DAYS");
    }

    private StepFunctionsTwin twin(ExecutionRetention retention) {
        LambdaTwin lambda = new LambdaTwin(clock, new SplittableRandom(3));
        return new StepFunctionsTwin(clock, new LambdaTaskIntegration(lambda, call -> {
            throw new IllegalStateException("no integration for " + call.resource());
        }), new SplittableRandom(5), retention);
    }

    private static String machine(StepFunctionsTwin twin, String name, String definition) {
        return twin.createStateMachine(b -> b.name(name).definition(definition).roleArn(Twins.ROLE)).stateMachineArn();
    }
}
