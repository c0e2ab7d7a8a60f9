package dev.greenlight.local.aws.stepfunctions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.greenlight.local.asl.StatesError;
import dev.greenlight.local.aws.s3.S3TaskIntegration;
import dev.greenlight.local.aws.s3.S3Twin;
import dev.greenlight.local.clock.VirtualClock;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.sfn.SfnClient;
import java.util.List;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.DescribeMapRunResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionRedriveStatus;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.MapRunListItem;
import software.amazon.awssdk.services.sfn.model.MapRunStatus;
import software.amazon.awssdk.services.sfn.model.SfnException;

/**
 * ListMapRuns and DescribeMapRun (API reference): the Map Runs an execution's Distributed Map
 * states started, with their status and live item and child-execution counts.
 */
class MapRunsTest {

    private static final String ROLE = "arn:aws:iam::123456789012:role/greenlight-pipeline";
    /** Three items in batches of two: two children, each waiting ten seconds. */
    private static final String BATCHED = Twins.quoted("""
            {'StartAt':'M','States':{'M':{'Type':'Map','Label':'Each','ItemsPath':'$',
              'ToleratedFailurePercentage':10,'MaxConcurrency':5,'ItemBatcher':{'MaxItemsPerBatch':2},
              'ItemProcessor':{'ProcessorConfig':{'Mode':'DISTRIBUTED','ExecutionType':'STANDARD'},
                'StartAt':'W','States':{'W':{'Type':'Wait','Seconds':10,'End':true}}},'End':true}}}""");

    private final VirtualClock clock = new VirtualClock();
    private final SfnClient sfn = new StepFunctionsTwin(clock, new S3TaskIntegration(new S3Twin(clock), call -> {
        throw StatesError.RUNTIME.withCause("no integration for " + call.resource());
    }), new SplittableRandom(5));

    private String start() {
        String machine = sfn.createStateMachine(b -> b.name("fan").definition(BATCHED).roleArn(ROLE))
                .stateMachineArn();
        return sfn.startExecution(b -> b.stateMachineArn(machine).input("[1,2,3]")).executionArn();
    }

    @Test
    void describesARunningThenFinishedMapRun() {
        String execution = start();
        clock.advance(Duration.ofSeconds(5));

        MapRunListItem listed = sfn.listMapRuns(b -> b.executionArn(execution)).mapRuns().get(0);
        assertThat(listed.executionArn()).isEqualTo(execution);
        assertThat(listed.mapRunArn()).startsWith("arn:aws:states:us-east-1:123456789012:mapRun:fan/Each:");
        assertThat(listed.stateMachineArn()).isEqualTo("arn:aws:states:us-east-1:123456789012:stateMachine:fan/Each");
        DescribeMapRunResponse running = sfn.describeMapRun(b -> b.mapRunArn(listed.mapRunArn()));
        assertThat(running.status()).isEqualTo(MapRunStatus.RUNNING);
        assertThat(running.executionCounts().running()).isEqualTo(2);
        assertThat(running.itemCounts().running()).isEqualTo(3);

        clock.runUntil(() -> sfn.describeExecution(b -> b.executionArn(execution)).status()
                != ExecutionStatus.RUNNING);

        DescribeMapRunResponse done = sfn.describeMapRun(b -> b.mapRunArn(listed.mapRunArn()));
        assertThat(done.status()).isEqualTo(MapRunStatus.SUCCEEDED);
        assertThat(done.maxConcurrency()).isEqualTo(5);
        assertThat(done.toleratedFailurePercentage()).isEqualTo(10f);
        assertThat(done.itemCounts().total()).isEqualTo(3);
        assertThat(done.itemCounts().succeeded()).isEqualTo(3);
        assertThat(done.executionCounts().total()).isEqualTo(2);
        assertThat(done.executionCounts().succeeded()).isEqualTo(2);
        assertThat(done.executionCounts().resultsWritten()).isZero();
        assertThat(Duration.between(done.startDate(), done.stopDate())).isEqualTo(Duration.ofSeconds(10));
        assertThat(sfn.getExecutionHistory(b -> b.executionArn(execution)).events()).map(HistoryEvent::typeAsString)
                .contains("MapRunStarted", "MapRunSucceeded");
    }

    /** Stopping the parent aborts its Map Run and the children still running. */
    @Test
    void stoppingTheParentAbortsTheMapRun() {
        String execution = start();
        clock.advance(Duration.ofSeconds(5));
        String mapRun = sfn.listMapRuns(b -> b.executionArn(execution)).mapRuns().get(0).mapRunArn();

        sfn.stopExecution(b -> b.executionArn(execution));
        clock.advance(Duration.ofSeconds(1));

        DescribeMapRunResponse aborted = sfn.describeMapRun(b -> b.mapRunArn(mapRun));
        assertThat(aborted.status()).isEqualTo(MapRunStatus.ABORTED);
        assertThat(aborted.executionCounts().aborted()).isEqualTo(2);
        assertThat(aborted.itemCounts().aborted()).isEqualTo(3);
    }

    /** ListExecutions with a mapRunArn lists the Map Run's children; DescribeExecution and the history describe each. */
    @Test
    void childExecutionsAreListedAndDescribed() {
        String execution = start();
        clock.runUntil(() -> sfn.describeExecution(b -> b.executionArn(execution)).status()
                != ExecutionStatus.RUNNING);
        String mapRun = sfn.listMapRuns(b -> b.executionArn(execution)).mapRuns().get(0).mapRunArn();

        List<ExecutionListItem> children = sfn.listExecutions(b -> b.mapRunArn(mapRun)).executions();

        assertThat(children).hasSize(2).allSatisfy(child -> {
            assertThat(child.mapRunArn()).isEqualTo(mapRun);
            assertThat(child.stateMachineArn()).isEqualTo(Twins.MACHINES + "fan/Each");
            assertThat(child.executionArn()).startsWith("arn:aws:states:us-east-1:123456789012:execution:fan/Each:");
            assertThat(child.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        });
        assertThat(children).extracting(ExecutionListItem::itemCount).containsExactly(1, 2);
        DescribeExecutionResponse child = sfn.describeExecution(b -> b.executionArn(children.get(1).executionArn()));
        assertThat(child.mapRunArn()).isEqualTo(mapRun);
        assertThat(child.input()).isEqualTo("{\"Items\":[1,2]}");
        assertThat(child.redriveStatus()).isEqualTo(ExecutionRedriveStatus.NOT_REDRIVABLE);
        assertThat(sfn.getExecutionHistory(b -> b.executionArn(children.get(1).executionArn())).events())
                .map(HistoryEvent::typeAsString).contains("ExecutionStarted", "WaitStateEntered", "ExecutionSucceeded");
        assertThat(sfn.listExecutions(b -> b.mapRunArn(mapRun).statusFilter(ExecutionStatus.FAILED)).executions())
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "both ARNs       | arn:aws:states:us-east-1:123456789012:mapRun:fan/Each:0000 | true  | ValidationException",
        "unknown Map Run | arn:aws:states:us-east-1:123456789012:mapRun:fan/Each:0000 | false | ResourceNotFound",
        "not a Map Run   | arn:aws:states:us-east-1:123456789012:stateMachine:fan     | false | InvalidArn",
    })
    void listExecutionsOfAMapRunErrors(String name, String mapRun, boolean withMachine, String code) {
        SfnException error = catchThrowableOfType(SfnException.class, () -> sfn.listExecutions(b -> b
                .mapRunArn(mapRun).stateMachineArn(withMachine ? Twins.MACHINES + "fan" : null)));

        assertThat(error.awsErrorDetails().errorCode()).isEqualTo(code);
    }

    /** A Map Run is kept as long as the execution that started it: a long-running twin's Map Runs stay bounded. */
    @Test
    void mapRunsGoWithTheirExecution() {
        VirtualClock keptClock = new VirtualClock();
        SfnClient keeping = new StepFunctionsTwin(keptClock, call -> {
            throw StatesError.RUNTIME.withCause("no integration for " + call.resource());
        }, new SplittableRandom(5), new ExecutionRetention(Duration.ofDays(90), 1));
        String machine = keeping.createStateMachine(b -> b.name("fan").definition(BATCHED).roleArn(ROLE))
                .stateMachineArn();
        String first = keeping.startExecution(b -> b.stateMachineArn(machine).input("[1]")).executionArn();
        keptClock.advance(Duration.ofMinutes(1));
        String mapRun = keeping.listMapRuns(b -> b.executionArn(first)).mapRuns().get(0).mapRunArn();

        String second = keeping.startExecution(b -> b.stateMachineArn(machine).input("[2]")).executionArn();
        keptClock.advance(Duration.ofMinutes(1));
        keeping.describeExecution(b -> b.executionArn(second));

        SfnException error = catchThrowableOfType(SfnException.class,
                () -> keeping.describeMapRun(b -> b.mapRunArn(mapRun)));
        assertThat(error.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFound");
        assertThat(keeping.listMapRuns(b -> b.executionArn(second)).mapRuns()).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown Map Run | arn:aws:states:us-east-1:123456789012:mapRun:fan/Each:0000 | ResourceNotFound",
        "not a Map Run   | arn:aws:states:us-east-1:123456789012:stateMachine:fan     | InvalidArn",
    })
    void describeMapRunErrors(String name, String arn, String code) {
        SfnException error = catchThrowableOfType(SfnException.class, () -> sfn.describeMapRun(b -> b.mapRunArn(arn)));

        assertThat(error.awsErrorDetails().errorCode()).isEqualTo(code);
    }

    @Test
    void listMapRunsOfAnUnknownExecutionIsExecutionDoesNotExist() {
        SfnException error = catchThrowableOfType(SfnException.class, () -> sfn.listMapRuns(b -> b.executionArn(
                "arn:aws:states:us-east-1:123456789012:execution:fan:nope")));

        assertThat(error.awsErrorDetails().errorCode()).isEqualTo("ExecutionDoesNotExist");
    }
}
