package dev.greenlight.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.local.aws.AwsErrors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.StartExecutionRequest;

class AwsJsonWireTest {

    private final TinyStepFunctions twin = new TinyStepFunctions();
    private final WireGateway gateway = WireGateway.builder().register(SfnClient.class, twin).start(0);
    private final SfnClient sfn = SdkClients.against(gateway, SfnClient.builder());

    @AfterEach
    void stop() {
        sfn.close();
        gateway.close();
    }

    @Test
    void requestMembersReachTheTwinAndTimestampsComeBackToTheMillisecond() {
        var response = sfn.startExecution(b -> b.stateMachineArn("arn:sm").name("orders-1.4.2").input("{\"a\":1}"));

        StartExecutionRequest received = (StartExecutionRequest) twin.calls.get(0);
        assertThat(received.stateMachineArn()).isEqualTo("arn:sm");
        assertThat(received.name()).isEqualTo("orders-1.4.2");
        assertThat(received.input()).isEqualTo("{\"a\":1}");
        assertThat(response.executionArn()).endsWith(":orders-1.4.2");
        assertThat(response.startDate()).isEqualTo(TinyStepFunctions.STARTED);
    }

    @Test
    void enumsAndNestedListsRoundTrip() {
        DescribeExecutionResponse described = sfn.describeExecution(b -> b.executionArn("arn:e"));
        assertThat(described.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(described.stopDate()).isEqualTo(TinyStepFunctions.STARTED.plusSeconds(90));

        assertThat(sfn.listExecutions(b -> b.stateMachineArn("arn:sm")).executions())
                .extracting(ExecutionListItem::name, ExecutionListItem::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a", ExecutionStatus.RUNNING),
                        org.assertj.core.groups.Tuple.tuple("b", ExecutionStatus.FAILED));
    }

    @Test
    void anErrorCodeThatDiffersFromTheClassNameStillRaisesTheTypedException() {
        twin.failure = () -> AwsErrors.of(ExecutionDoesNotExistException.builder(), "ExecutionDoesNotExist",
                "Execution Does Not Exist: 'arn:e'", 400);

        assertThatThrownBy(() -> sfn.describeExecution(b -> b.executionArn("arn:e")))
                .isExactlyInstanceOf(ExecutionDoesNotExistException.class)
                .satisfies(e -> assertThat(((ExecutionDoesNotExistException) e).awsErrorDetails().errorCode())
                        .isEqualTo("ExecutionDoesNotExist"));
    }

    @Test
    void anOperationTheTwinDoesNotSupportIsRefusedNotRetried() {
        assertThatThrownBy(() -> sfn.listStateMachines(b -> { }))
                .isInstanceOf(software.amazon.awssdk.services.sfn.model.SfnException.class)
                .satisfies(e -> assertThat(((software.amazon.awssdk.services.sfn.model.SfnException) e).statusCode())
                        .isEqualTo(501));
    }
}
