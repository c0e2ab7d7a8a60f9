package dev.greenlight.local.aws.stepfunctions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.local.asl.Json;
import dev.greenlight.local.aws.lambda.FunctionSettings;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * Task states that invoke Lambda twin functions through the engine, with Step Functions' error
 * reporting (developer guide, "Handling errors in Step Functions workflows" and the Lambda
 * integration page): a function error is named by its errorType with the error document as
 * cause, Lambda.Unknown when the document has no errorType, Lambda.&lt;code&gt; when Lambda refuses the call.
 */
class LambdaTasksTest {

    private final Twins twins = new Twins();

    LambdaTasksTest() {
        twins.lambda.register("double", event -> Json.NODES.numberNode(event.path("n").asInt() * 2));
        twins.lambda.register("reject", event -> {
            throw new IllegalArgumentException("image rejected");
        });
        twins.lambda.register("hang", FunctionSettings.java("local.Hang::handleRequest").withTimeout(10),
                payload -> new CompletableFuture<>());
    }

    @Test
    void optimizedInvoke_putsTheEnvelopeAndBareArnsThePayload() {
        String machine = twins.machine("pipeline", Twins.quoted("""
                {'StartAt':'Envelope','States':{
                  'Envelope':{'Type':'Task','Resource':'arn:aws:states:::lambda:invoke',
                    'Parameters':{'FunctionName':'double','Payload':{'n.$':'$.n'}},'ResultPath':'$.envelope','Next':'Bare'},
                  'Bare':{'Type':'Task','Resource':'arn:aws:lambda:us-east-1:123456789012:function:double',
                    'ResultPath':'$.bare','End':true}}}"""));
        String arn = twins.sfn.startExecution(b -> b.stateMachineArn(machine).input("{\"n\":21}")).executionArn();
        DescribeExecutionResponse done = twins.finish(arn);
        assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        var output = Json.parse(done.output());
        assertThat(output.path("envelope").path("StatusCode").asInt()).isEqualTo(200);
        assertThat(output.path("envelope").path("ExecutedVersion").asText()).isEqualTo("$LATEST");
        assertThat(output.path("envelope").path("Payload").asInt()).isEqualTo(42);
        assertThat(output.path("bare").asInt()).isEqualTo(42);
    }

    @Test
    void functionError_failsTheTaskWithItsErrorTypeAndTheDocumentAsCause() {
        DescribeExecutionResponse done = run("arn:aws:states:::lambda:invoke", "reject");
        assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(done.error()).isEqualTo("java.lang.IllegalArgumentException");
        var cause = Json.parse(done.cause());
        assertThat(cause.path("errorMessage").asText()).isEqualTo("image rejected");
        assertThat(cause.path("errorType").asText()).isEqualTo("java.lang.IllegalArgumentException");
        assertThat(cause.path("stackTrace").isArray()).isTrue();
    }

    @Test
    void functionTimeout_isLambdaUnknownCarryingTheReturnedPayload() {
        DescribeExecutionResponse done = run("arn:aws:lambda:us-east-1:123456789012:function:hang", null);
        assertThat(done.error()).isEqualTo("Lambda.Unknown");
        assertThat(done.cause()).startsWith("The cause could not be determined because Lambda did not return an "
                + "error type. Returned payload: {\"errorMessage\":\"2026-01-01T00:00:10.000Z ")
                .endsWith("Task timed out after 10.00 seconds\"}");
        assertThat(done.stopDate()).isEqualTo(done.startDate().plusSeconds(10));
    }

    @Test
    void unknownFunction_isLambdaResourceNotFoundException() {
        DescribeExecutionResponse done = run("arn:aws:states:::lambda:invoke", "nope");
        assertThat(done.error()).isEqualTo("Lambda.ResourceNotFoundException");
        assertThat(done.cause()).startsWith("Function not found: arn:aws:lambda:us-east-1:123456789012:function:nope "
                + "(Service: AWSLambda; Status Code: 404; Error Code: ResourceNotFoundException;");
    }

    @Test
    void functionErrors_canBeCaughtByTheirErrorType() {
        String machine = twins.machine("caught", Twins.quoted("""
                {'StartAt':'T','States':{
                  'T':{'Type':'Task','Resource':'arn:aws:states:::lambda:invoke','Parameters':{'FunctionName':'reject'},
                    'Catch':[{'ErrorEquals':['java.lang.IllegalArgumentException'],'ResultPath':'$.error','Next':'Rejected'}],
                    'End':true},
                  'Rejected':{'Type':'Pass','End':true}}}"""));
        String arn = twins.sfn.startExecution(b -> b.stateMachineArn(machine)).executionArn();
        DescribeExecutionResponse done = twins.finish(arn);
        assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(Json.parse(done.output()).path("error").path("Error").asText())
                .isEqualTo("java.lang.IllegalArgumentException");
    }

    /** One Task state calling {@code resource}, with {@code function} as lambda:invoke's FunctionName. */
    private DescribeExecutionResponse run(String resource, String function) {
        String parameters = function == null ? "" : ",'Parameters':{'FunctionName':'" + function + "'}";
        String machine = twins.machine("single", Twins.quoted("{'StartAt':'T','States':{'T':{'Type':'Task',"
                + "'Resource':'" + resource + "'" + parameters + ",'End':true}}}"));
        return twins.finish(twins.sfn.startExecution(b -> b.stateMachineArn(machine)).executionArn());
    }
}
