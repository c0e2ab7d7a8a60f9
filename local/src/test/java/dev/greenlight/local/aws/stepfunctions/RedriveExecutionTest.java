package dev.greenlight.local.aws.stepfunctions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.local.asl.Json;
import dev.greenlight.local.asl.StatesError;
import dev.greenlight.local.clock.VirtualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionRedriveFilter;
import software.amazon.awssdk.services.sfn.model.ExecutionRedriveStatus;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.SfnException;

/**
 * RedriveExecution (API reference; guide, "Redriving executions"): an unsuccessful STANDARD execution
 * continues from the state that failed with the input it had, without rerunning the states that
 * succeeded nor, inside Parallel and inline Map, the branches and iterations that succeeded.
 */
class RedriveExecutionTest {

    private static final String ROLE = "arn:aws:iam::123456789012:role/greenlight-pipeline";
    private static final String TASK = "arn:aws:lambda:us-east-1:123456789012:function:work";

    private final VirtualClock clock = new VirtualClock();
    /** Every call's input, as "state:input"; a call fails while its input's "fail" names this set's member. */
    private final List<String> calls = new ArrayList<>();
    private final Set<String> failing = new HashSet<>(Set.of("yes"));
    private final SfnClient sfn = new StepFunctionsTwin(clock, call -> {
        calls.add(call.stateName() + ":" + Json.write(call.input()));
        if (failing.contains(call.input().path("fail").asText())) {
            return CompletableFuture.failedFuture(StatesError.TASK_FAILED.withCause("broken"));
        }
        return CompletableFuture.completedFuture(call.input());
    }, new SplittableRandom(5));

    private String machine(String name, String definition) {
        return sfn.createStateMachine(b -> b.name(name).definition(Twins.quoted(definition)).roleArn(ROLE))
                .stateMachineArn();
    }

    private String run(String machine, String input) {
        String arn = sfn.startExecution(b -> b.stateMachineArn(machine).name("run").input(input)).executionArn();
        finish(arn);
        return arn;
    }

    private DescribeExecutionResponse finish(String arn) {
        clock.runUntil(() -> sfn.describeExecution(b -> b.executionArn(arn)).status() != ExecutionStatus.RUNNING);
        return sfn.describeExecution(b -> b.executionArn(arn));
    }

    private List<String> types(String arn) {
        return sfn.getExecutionHistory(b -> b.executionArn(arn)).events().stream().map(HistoryEvent::typeAsString)
                .toList();
    }

    @Test
    void continuesFromTheFailedStateWithItsInputAndKeepsTheHistory() {
        String machine = machine("flow", """
                {'StartAt':'Before','States':{
                  'Before':{'Type':'Pass','Result':{'fail':'yes','n':1},'Next':'Work'},
                  'Work':{'Type':'Task','Resource':'%s','Next':'After'},
                  'After':{'Type':'Pass','End':true}}}""".formatted(TASK));
        String arn = run(machine, "{}");
        int eventsBefore = types(arn).size();
        assertThat(sfn.describeExecution(b -> b.executionArn(arn)).status()).isEqualTo(ExecutionStatus.FAILED);

        failing.clear();
        clock.advance(Duration.ofHours(1));
        var redriven = sfn.redriveExecution(b -> b.executionArn(arn));
        DescribeExecutionResponse done = finish(arn);

        assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(done.output()).isEqualTo("{\"fail\":\"yes\",\"n\":1}");
        assertThat(done.redriveCount()).isEqualTo(1);
        assertThat(done.redriveDate()).isEqualTo(redriven.redriveDate()).isEqualTo(clock.now());
        assertThat(done.redriveStatus()).isEqualTo(ExecutionRedriveStatus.NOT_REDRIVABLE);
        assertThat(done.redriveStatusReason()).isEqualTo("Execution is SUCCEEDED and cannot be redriven");
        assertThat(calls).containsExactly("Work:{\"fail\":\"yes\",\"n\":1}", "Work:{\"fail\":\"yes\",\"n\":1}");
        List<String> types = types(arn);
        assertThat(types.subList(0, eventsBefore)).endsWith("ExecutionFailed");
        List<String> redrivenPart = types.subList(eventsBefore, types.size());
        // Before, which succeeded, is not entered again: the one Pass entered is After.
        assertThat(redrivenPart).startsWith("ExecutionRedriven", "TaskStateEntered")
                .endsWith("PassStateEntered", "PassStateExited", "ExecutionSucceeded")
                .filteredOn("PassStateEntered"::equals).hasSize(1);
        HistoryEvent event = sfn.getExecutionHistory(b -> b.executionArn(arn)).events().get(eventsBefore);
        assertThat(event.executionRedrivenEventDetails().redriveCount()).isEqualTo(1);
        assertThat(event.previousEventId()).isEqualTo(eventsBefore);
    }

    @Test
    void theContextObjectCountsRedrivesAndVariablesSurvive() {
        String machine = machine("counted", """
                {'QueryLanguage':'JSONata','StartAt':'Set','States':{
                  'Set':{'Type':'Pass','Assign':{'kept':42},'Next':'Work'},
                  'Work':{'Type':'Task','Resource':'%s','Arguments':{'fail':'{%% $states.context.Execution.RedriveCount = 0 ? \\"yes\\" : \\"no\\" %%}'},
                    'Output':{'count':'{%% $states.context.Execution.RedriveCount %%}','kept':'{%% $kept %%}'},'End':true}}}"""
                .formatted(TASK));
        String arn = run(machine, "{}");

        sfn.redriveExecution(b -> b.executionArn(arn));

        DescribeExecutionResponse done = finish(arn);
        assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(done.output()).isEqualTo("{\"count\":1,\"kept\":42}");
    }

    @Test
    void parallelAndInlineMapRerunOnlyWhatFailed() {
        String machine = machine("fan", """
                {'StartAt':'Both','States':{'Both':{'Type':'Parallel','End':true,'Branches':[
                  {'StartAt':'Ok','States':{'Ok':{'Type':'Task','Resource':'%1$s','Parameters':{'fail':'never'},'End':true}}},
                  {'StartAt':'Each','States':{'Each':{'Type':'Map','ItemsPath':'$.items','End':true,
                    'ItemProcessor':{'StartAt':'Item','States':{'Item':{'Type':'Task','Resource':'%1$s','End':true}}}}}}]}}}"""
                .formatted(TASK));
        String arn = run(machine, "{\"items\":[{\"fail\":\"a\"},{\"fail\":\"yes\"},{\"fail\":\"b\"}]}");
        assertThat(calls).hasSize(4);

        calls.clear();
        failing.clear();
        sfn.redriveExecution(b -> b.executionArn(arn));

        DescribeExecutionResponse done = finish(arn);
        assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(calls).containsExactly("Item:{\"fail\":\"yes\"}");
        JsonNode output = Json.parse(done.output());
        assertThat(output.get(0)).isEqualTo(Json.parse("{\"fail\":\"never\"}"));
        assertThat(output.get(1)).isEqualTo(Json.parse("[{\"fail\":\"a\"},{\"fail\":\"yes\"},{\"fail\":\"b\"}]"));
    }

    @ParameterizedTest(name = "{0} children")
    @CsvSource({"STANDARD", "EXPRESS"})
    void aFailedMapRunIsRedrivenWithOnlyItsUnsuccessfulChildren(String childType) {
        String machine = machine("dist", """
                {'StartAt':'Each','States':{'Each':{'Type':'Map','Label':'Items','ItemsPath':'$','End':true,
                  'ItemProcessor':{'ProcessorConfig':{'Mode':'DISTRIBUTED','ExecutionType':'%s'},
                    'StartAt':'Item','States':{'Item':{'Type':'Task','Resource':'%s','End':true}}}}}}"""
                .formatted(childType, TASK));
        String arn = run(machine, "[{\"fail\":\"a\"},{\"fail\":\"yes\"},{\"fail\":\"b\"}]");
        String mapRun = sfn.listMapRuns(b -> b.executionArn(arn)).mapRuns().get(0).mapRunArn();
        assertThat(sfn.describeMapRun(b -> b.mapRunArn(mapRun)).executionCounts().failed()).isEqualTo(1);
        String failedChild = sfn.listExecutions(b -> b.mapRunArn(mapRun).statusFilter(ExecutionStatus.FAILED))
                .executions().get(0).executionArn();
        assertThat(sfn.describeExecution(b -> b.executionArn(failedChild)).redriveStatus())
                .isEqualTo(ExecutionRedriveStatus.REDRIVABLE_BY_MAP_RUN);
        SfnException childRedrive = catchThrowableOfType(SfnException.class,
                () -> sfn.redriveExecution(b -> b.executionArn(failedChild)));
        assertThat(childRedrive.awsErrorDetails().errorCode()).isEqualTo("ExecutionNotRedrivable");

        calls.clear();
        failing.clear();
        sfn.redriveExecution(b -> b.executionArn(arn));
        DescribeExecutionResponse done = finish(arn);

        assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(done.output()).isEqualTo("[{\"fail\":\"a\"},{\"fail\":\"yes\"},{\"fail\":\"b\"}]");
        assertThat(calls).containsExactly("Item:{\"fail\":\"yes\"}");
        assertThat(sfn.listMapRuns(b -> b.executionArn(arn)).mapRuns()).singleElement()
                .satisfies(listed -> assertThat(listed.mapRunArn()).isEqualTo(mapRun));
        var described = sfn.describeMapRun(b -> b.mapRunArn(mapRun));
        assertThat(described.redriveCount()).isEqualTo(1);
        assertThat(described.redriveDate()).isNotNull();
        assertThat(described.statusAsString()).isEqualTo("SUCCEEDED");
        assertThat(described.executionCounts().succeeded()).isEqualTo(3);
        List<String> types = types(arn);
        assertThat(types.subList(types.indexOf("ExecutionRedriven"), types.size()))
                .containsSubsequence("MapStateEntered", "MapRunRedriven", "MapRunSucceeded", "ExecutionSucceeded");
    }

    @Test
    void anAbortedExecutionIsRedrivenFromTheStateThatWasRunning() {
        String machine = machine("waits", """
                {'StartAt':'Work','States':{'Work':{'Type':'Task','Resource':'%s','Parameters':{'fail':'no'},'Next':'Hold'},
                  'Hold':{'Type':'Wait','Seconds':60,'End':true}}}""".formatted(TASK));
        String arn = sfn.startExecution(b -> b.stateMachineArn(machine).input("{}")).executionArn();
        clock.advance(Duration.ofSeconds(10));
        sfn.stopExecution(b -> b.executionArn(arn));

        sfn.redriveExecution(b -> b.executionArn(arn));
        clock.advance(Duration.ofSeconds(59));
        assertThat(sfn.describeExecution(b -> b.executionArn(arn)).status()).isEqualTo(ExecutionStatus.RUNNING);

        assertThat(finish(arn).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(calls).hasSize(1);
        assertThat(sfn.listExecutions(b -> b.stateMachineArn(machine).redriveFilter(ExecutionRedriveFilter.REDRIVEN))
                .executions()).singleElement().satisfies(item -> assertThat(item.redriveCount()).isEqualTo(1));
        assertThat(sfn.listExecutions(b -> b.stateMachineArn(machine)
                .redriveFilter(ExecutionRedriveFilter.NOT_REDRIVEN)).executions()).isEmpty();
    }

    @Test
    void aTimedOutExecutionGetsItsWholeTimeoutAgain() {
        String machine = machine("slow", """
                {'TimeoutSeconds':30,'StartAt':'Hold','States':{'Hold':{'Type':'Wait','Seconds':20,'Next':'Again'},
                  'Again':{'Type':'Wait','Seconds':20,'End':true}}}""");
        String arn = run(machine, "{}");
        assertThat(sfn.describeExecution(b -> b.executionArn(arn)).status()).isEqualTo(ExecutionStatus.TIMED_OUT);

        sfn.redriveExecution(b -> b.executionArn(arn));

        assertThat(finish(arn).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    }

    @Test
    void aFailedExecutionIsRedrivableUntilFourteenDaysAfterItEnded() {
        String machine = machine("late", """
                {'StartAt':'Work','States':{'Work':{'Type':'Task','Resource':'%s','Parameters':{'fail':'yes'},'End':true}}}"""
                .formatted(TASK));
        String arn = run(machine, "{}");
        DescribeExecutionResponse failed = sfn.describeExecution(b -> b.executionArn(arn));
        assertThat(failed.redriveStatus()).isEqualTo(ExecutionRedriveStatus.REDRIVABLE);
        assertThat(failed.redriveCount()).isZero();
        assertThat(failed.redriveDate()).isNull();

        clock.advance(Duration.ofDays(14).minusSeconds(1));
        sfn.redriveExecution(b -> b.executionArn(arn));
        finish(arn);
        clock.advance(Duration.ofDays(14));

        SfnException error = catchThrowableOfType(SfnException.class, () -> sfn.redriveExecution(b -> b.executionArn(arn)));
        assertThat(error.awsErrorDetails().errorCode()).isEqualTo("ExecutionNotRedrivable");
        assertThat(error.getMessage()).contains("Execution redrivable period exceeded");
        assertThat(sfn.describeExecution(b -> b.executionArn(arn)).redriveStatusReason())
                .isEqualTo("Execution redrivable period exceeded");
    }

    @Test
    void aClientTokenSeenAgainAnswersTheSameRedriveWithoutRedrivingAgain() {
        String machine = machine("token", """
                {'StartAt':'Work','States':{'Work':{'Type':'Task','Resource':'%s','Parameters':{'fail':'yes'},'End':true}}}"""
                .formatted(TASK));
        String arn = run(machine, "{}");
        var first = sfn.redriveExecution(b -> b.executionArn(arn).clientToken("once"));
        finish(arn);
        clock.advance(Duration.ofMinutes(1));

        var again = sfn.redriveExecution(b -> b.executionArn(arn).clientToken("once"));

        assertThat(again.redriveDate()).isEqualTo(first.redriveDate());
        assertThat(sfn.describeExecution(b -> b.executionArn(arn)).redriveCount()).isEqualTo(1);
        clock.advance(Duration.ofMinutes(15));
        sfn.redriveExecution(b -> b.executionArn(arn).clientToken("once"));
        assertThat(sfn.describeExecution(b -> b.executionArn(arn)).redriveCount()).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "running        | RUNNING   | ExecutionNotRedrivable | Execution is RUNNING and cannot be redriven",
        "succeeded      | SUCCEEDED | ExecutionNotRedrivable | Execution is SUCCEEDED and cannot be redriven",
        "express        | EXPRESS   | ExecutionNotRedrivable | not supported by EXPRESS state machines",
        "unknown        | UNKNOWN   | ExecutionDoesNotExist  | Execution Does Not Exist",
        "not an arn     | BADARN    | InvalidArn             | Invalid Arn",
        "bad token      | TOKEN     | ValidationException    | clientToken",
        "being deleted  | DELETING  | ExecutionNotRedrivable | State machine is in DELETING status",
        "a year later   | YEAR      | ExecutionNotRedrivable | Execution has exceeded the max execution time",
    })
    void refusals(String name, String situation, String code, String message) {
        String machine = machine("m", """
                {'StartAt':'Hold','States':{'Hold':{'Type':'Wait','SecondsPath':'$.wait','Next':'Work'},
                  'Work':{'Type':'Task','Resource':'%s','End':true}}}""".formatted(TASK));
        String input = situation.equals("SUCCEEDED") ? "{\"wait\":1}" : "{\"wait\":1,\"fail\":\"yes\"}";
        String waitLong = "{\"wait\":31536000,\"fail\":\"yes\"}";
        String arn = sfn.startExecution(b -> b.stateMachineArn(machine).name("e")
                .input(situation.equals("RUNNING") || situation.equals("YEAR") ? waitLong : input)).executionArn();
        clock.advance(Duration.ofSeconds(5));
        String target = switch (situation) {
            case "EXPRESS" -> "arn:aws:states:us-east-1:123456789012:express:m:e:0000";
            case "UNKNOWN" -> "arn:aws:states:us-east-1:123456789012:execution:m:other";
            case "BADARN" -> "arn:aws:states:us-east-1:123456789012:stateMachine:m";
            default -> arn;
        };
        if (situation.equals("DELETING")) {
            // A running execution keeps the state machine DELETING, and the ended one with it.
            sfn.startExecution(b -> b.stateMachineArn(machine).name("still").input(waitLong));
            sfn.deleteStateMachine(b -> b.stateMachineArn(machine));
        }
        if (situation.equals("YEAR")) {
            clock.advance(Duration.ofDays(366));
        }
        String token = situation.equals("TOKEN") ? "with space" : null;

        SfnException error = catchThrowableOfType(SfnException.class,
                () -> sfn.redriveExecution(b -> b.executionArn(target).clientToken(token)));

        assertThat(error.awsErrorDetails().errorCode()).isEqualTo(code);
        assertThat(error.getMessage()).contains(message);
    }
}
