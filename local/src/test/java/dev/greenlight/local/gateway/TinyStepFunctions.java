package dev.greenlight.local.gateway;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionRequest;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.ListExecutionsRequest;
import software.amazon.awssdk.services.sfn.model.ListExecutionsResponse;
import software.amazon.awssdk.services.sfn.model.StartExecutionRequest;
import software.amazon.awssdk.services.sfn.model.StartExecutionResponse;

/** A test twin of Step Functions: records requests, answers fixed executions, throws on demand. */
final class TinyStepFunctions implements SfnClient {

    static final Instant STARTED = Instant.parse("2025-03-01T10:15:30.250Z");

    final List<Object> calls = new ArrayList<>();
    Supplier<RuntimeException> failure;

    @Override
    public StartExecutionResponse startExecution(StartExecutionRequest request) {
        return answer(request, StartExecutionResponse.builder()
                .executionArn("arn:aws:states:us-east-1:123456789012:execution:pipeline:" + request.name())
                .startDate(STARTED).build());
    }

    @Override
    public DescribeExecutionResponse describeExecution(DescribeExecutionRequest request) {
        return answer(request, DescribeExecutionResponse.builder().executionArn(request.executionArn())
                .status(ExecutionStatus.SUCCEEDED).startDate(STARTED).stopDate(STARTED.plusSeconds(90))
                .input("{\"service\":\"orders\"}").build());
    }

    @Override
    public ListExecutionsResponse listExecutions(ListExecutionsRequest request) {
        return answer(request, ListExecutionsResponse.builder().executions(
                ExecutionListItem.builder().name("a").status(ExecutionStatus.RUNNING).startDate(STARTED).build(),
                ExecutionListItem.builder().name("b").status(ExecutionStatus.FAILED).startDate(STARTED).build())
                .build());
    }

    private <T> T answer(Object request, T response) {
        calls.add(request);
        if (failure != null) {
            throw failure.get();
        }
        return response;
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {
    }
}
