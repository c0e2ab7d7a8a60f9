package dev.greenlight.local.aws.stepfunctions;

import static dev.greenlight.local.aws.stepfunctions.StateMachinesTest.PASS;
import static dev.greenlight.local.aws.stepfunctions.StateMachinesTest.WAIT;
import static dev.greenlight.local.aws.stepfunctions.StateMachinesTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.local.asl.Json;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.StartExecutionResponse;
import software.amazon.awssdk.services.sfn.model.StartSyncExecutionResponse;
import software.amazon.awssdk.services.sfn.model.StateMachineType;
import software.amazon.awssdk.services.sfn.model.SyncExecutionStatus;

/**
 * Executions as the Step Functions API reference describes them: StartExecution's name rules and
 * its idempotency (same name and input while open: the same execution; otherwise
 * ExecutionAlreadyExists), input that must be JSON of at most 256 KiB, StopExecution, task tokens
 * answered with SendTaskSuccess, ListExecutions newest first with statusFilter, StartSyncExecution
 * for EXPRESS machines only.
 */
class ExecutionsTest {

    private static final String CALLBACK = Twins.quoted("""
            {'StartAt':'Approve','States':{'Approve':{'Type':'Task',
              'Resource':'arn:aws:states:::lambda:invoke.waitForTaskToken',
              'Parameters':{'FunctionName':'ask','Payload':{'token.$':'$$.Task.Token'}},
              'TimeoutSeconds':3600,'ResultPath':'$.approval','End':true}}}""");

    private final Twins twins = new Twins();
    private final List<String> tokens = new CopyOnWriteArrayList<>();

    ExecutionsTest() {
        twins.lambda.register("ask", event -> {
            tokens.add(event.path("token").asText());
            return Json.NODES.objectNode();
        });
    }

    @Test
    void taskToken_roundTripsThroughSendTaskSuccess() {
        String arn = start(twins.machine("approval", CALLBACK), "run-1", "{\"service\":\"orders\"}").executionArn();
        twins.clock.runUntil(() -> !tokens.isEmpty());
        twins.clock.advance(Duration.ofMinutes(5));
        twins.sfn.sendTaskSuccess(b -> b.taskToken(tokens.get(0)).output("{\"by\":\"alice\"}"));
        DescribeExecutionResponse done = twins.finish(arn);
        assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(done.output()).isEqualTo("{\"service\":\"orders\",\"approval\":{\"by\":\"alice\"}}");
        assertThat(Duration.between(done.startDate(), done.stopDate())).isEqualTo(Duration.ofMinutes(5));
        assertError(() -> twins.sfn.sendTaskSuccess(b -> b.taskToken(tokens.get(0)).output("{}")),
                "TaskTimedOut", null);
    }

    @Test
    void sendTaskFailure_failsTheExecutionWithItsErrorAndCause() {
        String arn = start(twins.machine("approval", CALLBACK), "run-1", "{}").executionArn();
        twins.clock.runUntil(() -> !tokens.isEmpty());
        twins.sfn.sendTaskFailure(b -> b.taskToken(tokens.get(0)).error("Greenlight.ApprovalRejected").cause("no"));
        DescribeExecutionResponse done = twins.finish(arn);
        assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(done.error()).isEqualTo("Greenlight.ApprovalRejected");
        assertThat(done.cause()).isEqualTo("no");
    }

    @Test
    void sendTaskSuccessWithOutputThatIsNotJson_isInvalidOutputAndTheTaskKeepsWaiting() {
        String arn = start(twins.machine("approval", CALLBACK), "run-1", "{}").executionArn();
        twins.clock.runUntil(() -> !tokens.isEmpty());
        assertError(() -> twins.sfn.sendTaskSuccess(b -> b.taskToken(tokens.get(0)).output("yes")), "InvalidOutput",
                null);
        twins.sfn.sendTaskHeartbeat(b -> b.taskToken(tokens.get(0)));
        assertThat(twins.sfn.describeExecution(b -> b.executionArn(arn)).status()).isEqualTo(ExecutionStatus.RUNNING);
        assertError(() -> twins.sfn.sendTaskSuccess(b -> b.taskToken("unknown").output("{}")), "TaskDoesNotExist",
                null);
    }

    @Test
    void stopExecution_abortsAtOnceWithErrorAndCause() {
        String arn = start(twins.machine("waits", WAIT), "run-1", "{}").executionArn();
        twins.clock.advance(Duration.ofSeconds(10));
        var stopped = twins.sfn.stopExecution(b -> b.executionArn(arn).error("Operator").cause("rollback drill"));
        assertThat(stopped.stopDate()).isEqualTo(twins.clock.now());
        DescribeExecutionResponse execution = twins.sfn.describeExecution(b -> b.executionArn(arn));
        assertThat(execution.status()).isEqualTo(ExecutionStatus.ABORTED);
        assertThat(execution.error()).isEqualTo("Operator");
        assertThat(execution.cause()).isEqualTo("rollback drill");
        var history = twins.sfn.getExecutionHistory(b -> b.executionArn(arn).reverseOrder(true).maxResults(1));
        assertThat(history.events().get(0).executionAbortedEventDetails().cause()).isEqualTo("rollback drill");
    }

    @Test
    void sameNameAndInputWhileRunning_answersWithTheSameExecution() {
        String machine = twins.machine("waits", WAIT);
        StartExecutionResponse first = start(machine, "deploy-orders-1.4.2", "{\"a\":1}");
        twins.clock.advance(Duration.ofSeconds(5));
        StartExecutionResponse again = start(machine, "deploy-orders-1.4.2", "{\"a\":1}");
        assertThat(again.executionArn()).isEqualTo(first.executionArn());
        assertThat(again.startDate()).isEqualTo(first.startDate());
        assertThat(twins.sfn.listExecutions(b -> b.stateMachineArn(machine)).executions()).hasSize(1);
    }

    @Test
    void sameNameWithOtherInputOrAfterTheEnd_isExecutionAlreadyExists() {
        String machine = twins.machine("waits", WAIT);
        String arn = start(machine, "deploy", "{\"a\":1}").executionArn();
        assertError(() -> start(machine, "deploy", "{\"a\":2}"), "ExecutionAlreadyExists",
                "Execution Already Exists: '" + arn + "'");
        twins.finish(arn);
        assertError(() -> start(machine, "deploy", "{\"a\":1}"), "ExecutionAlreadyExists", null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "{\"a\":", "{} {}"})
    void inputThatIsNotJson_isInvalidExecutionInput(String input) {
        String machine = twins.machine("orders", PASS);
        assertError(() -> start(machine, "run", input), "InvalidExecutionInput", null);
        assertThat(twins.sfn.listExecutions(b -> b.stateMachineArn(machine)).executions()).isEmpty();
    }

    @Test
    void inputOver256KiB_isInvalidExecutionInput() {
        String machine = twins.machine("orders", PASS);
        String big = "\"" + "x".repeat(Payloads.LIMIT) + "\"";
        assertError(() -> start(machine, "run", big), "InvalidExecutionInput", null);
    }

    @Test
    void badExecutionName_isInvalidName() {
        String machine = twins.machine("orders", PASS);
        assertError(() -> start(machine, "orders:1.4.2", "{}"), "InvalidName", "Invalid Name: 'orders:1.4.2'");
    }

    @Test
    void unknownStateMachineOrExecution_doesNotExist() {
        assertError(() -> start(Twins.MACHINES + "nope", "x", "{}"), "StateMachineDoesNotExist", null);
        String missing = "arn:aws:states:us-east-1:123456789012:execution:nope:x";
        assertError(() -> twins.sfn.describeExecution(b -> b.executionArn(missing)), "ExecutionDoesNotExist",
                "Execution Does Not Exist: '" + missing + "'");
        assertError(() -> twins.sfn.stopExecution(b -> b.executionArn(missing)), "ExecutionDoesNotExist", null);
    }

    @Test
    void listExecutions_newestFirstFilteredAndPaged() {
        String machine = twins.machine("waits", WAIT);
        String passing = twins.machine("passes", PASS);
        for (int i = 1; i <= 3; i++) {
            start(machine, "run-" + i, "{}");
            twins.clock.advance(Duration.ofSeconds(1));
        }
        start(passing, "elsewhere", "{}");
        twins.sfn.stopExecution(b -> b.executionArn(Arns.execution("waits", "run-2")));
        var page = twins.sfn.listExecutions(b -> b.stateMachineArn(machine).maxResults(2));
        assertThat(page.executions()).extracting(ExecutionListItem::name).containsExactly("run-3", "run-2");
        var rest = twins.sfn.listExecutions(b -> b.stateMachineArn(machine).maxResults(2).nextToken(page.nextToken()));
        assertThat(rest.executions()).extracting(ExecutionListItem::name).containsExactly("run-1");
        assertThat(twins.sfn.listExecutions(b -> b.stateMachineArn(machine).statusFilter(ExecutionStatus.RUNNING))
                .executions()).extracting(ExecutionListItem::name).containsExactly("run-3", "run-1");
    }

    @Test
    void listExecutionsWithAStatusStepFunctionsDoesNotHave_isAValidationException() {
        String machine = twins.machine("orders", PASS);

        assertError(() -> twins.sfn.listExecutions(b -> b.stateMachineArn(machine).statusFilter("BOGUS")),
                "ValidationException", "1 validation error detected: Value 'BOGUS' at 'statusFilter' failed to "
                        + "satisfy constraint: Member must satisfy enum value set: [RUNNING, SUCCEEDED, FAILED, "
                        + "TIMED_OUT, ABORTED, PENDING_REDRIVE]");
    }

    @Test
    void startSyncExecution_runsAnExpressMachineToItsEnd() {
        String machine = twins.sfn.createStateMachine(b -> b.name("quick").definition(WAIT).roleArn(Twins.ROLE)
                .type(StateMachineType.EXPRESS)).stateMachineArn();
        StartSyncExecutionResponse response = twins.sfn.startSyncExecution(b -> b.stateMachineArn(machine)
                .name("once").input("{\"x\":1}"));
        assertThat(response.status()).isEqualTo(SyncExecutionStatus.SUCCEEDED);
        assertThat(response.output()).isEqualTo("{\"x\":1}");
        assertThat(response.executionArn()).startsWith("arn:aws:states:us-east-1:123456789012:express:quick:once:");
        assertThat(Duration.between(response.startDate(), response.stopDate())).isEqualTo(Duration.ofSeconds(60));
        assertError(() -> twins.sfn.listExecutions(b -> b.stateMachineArn(machine)), "StateMachineTypeNotSupported",
                null);
    }

    /** The context object names the execution and the machine with the ARNs the API returned. */
    @ParameterizedTest
    @ValueSource(strings = {"STANDARD", "EXPRESS"})
    void contextObject_carriesTheExecutionAndMachineNamesAndArns(String type) {
        String context = Twins.quoted("{'StartAt':'P','States':{'P':{'Type':'Pass','Parameters':{"
                + "'id.$':'$$.Execution.Id','name.$':'$$.Execution.Name','machineId.$':'$$.StateMachine.Id',"
                + "'machineName.$':'$$.StateMachine.Name'},'End':true}}}");
        String machine = twins.sfn.createStateMachine(b -> b.name("named").definition(context).roleArn(Twins.ROLE)
                .type(type)).stateMachineArn();
        String arn;
        String output;
        if (type.equals("EXPRESS")) {
            StartSyncExecutionResponse response = twins.sfn.startSyncExecution(b -> b.stateMachineArn(machine)
                    .name("run-7"));
            arn = response.executionArn();
            output = response.output();
        } else {
            arn = start(machine, "run-7", "{}").executionArn();
            output = twins.finish(arn).output();
        }
        assertThat(Json.parse(output)).isEqualTo(Json.parse(Twins.quoted("{'id':'" + arn + "','name':'run-7',"
                + "'machineId':'" + machine + "','machineName':'named'}")));
    }

    @Test
    void startSyncExecutionOfAStandardMachine_isStateMachineTypeNotSupported() {
        String machine = twins.machine("orders", PASS);
        assertError(() -> twins.sfn.startSyncExecution(b -> b.stateMachineArn(machine)), "StateMachineTypeNotSupported",
                null);
    }

    @Test
    void ruleTarget_startsAnExecutionWithAGeneratedName() {
        String machine = twins.machine("orders", PASS);
        String arn = twins.twin.startExecutionForRule(machine, "{\"detail\":{}}");
        DescribeExecutionResponse done = twins.finish(arn);
        assertThat(done.name()).matches("[0-9a-f-]{36}");
        assertThat(done.input()).isEqualTo("{\"detail\":{}}");
        assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    }

    private StartExecutionResponse start(String machine, String name, String input) {
        return twins.sfn.startExecution(b -> b.stateMachineArn(machine).name(name).input(input));
    }
}
