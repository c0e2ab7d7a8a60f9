package dev.greenlight.local.aws.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.greenlight.local.asl.Json;
import dev.greenlight.local.asl.StatesException;
import dev.greenlight.local.asl.task.Integrations;
import dev.greenlight.local.asl.task.TaskCall;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LambdaException;

/**
 * Task states that call Lambda, answered by the Lambda twin: a bare function ARN (the result is the
 * function's payload) and {@code arn:aws:states:::lambda:invoke} (the result is Invoke's response
 * envelope). As Step Functions reports them, a function error fails the task with the error
 * document's errorType and the document as cause ({@code Lambda.Unknown} when it has no errorType),
 * and a refused call with {@code Lambda.<error code>}. Other resources go to {@code others}.
 */
public final class LambdaTaskIntegration implements Integrations {

    private static final String LAMBDA_INVOKE = "arn:aws:states:::lambda:invoke";

    private final LambdaTwin lambda;
    private final Integrations others;

    public LambdaTaskIntegration(LambdaTwin lambda, Integrations others) {
        this.lambda = Objects.requireNonNull(lambda, "lambda");
        this.others = Objects.requireNonNull(others, "others");
    }

    @Override
    public CompletableFuture<JsonNode> invoke(TaskCall call) {
        String resource = call.resource();
        if (resource.equals(LAMBDA_INVOKE) || resource.equals(LAMBDA_INVOKE + ".waitForTaskToken")) {
            return invoke(optimized(call.input())).thenApply(LambdaTaskIntegration::envelope);
        }
        if (resource.startsWith("arn:aws:lambda:")) {
            return invoke(InvokeRequest.builder().functionName(resource).payload(bytes(call.input())).build())
                    .thenApply(response -> parse(response.payload()));
        }
        return others.invoke(call);
    }

    private CompletableFuture<InvokeResponse> invoke(InvokeRequest request) {
        try {
            return lambda.start(request).thenApply(LambdaTaskIntegration::unlessFunctionError);
        } catch (LambdaException e) {
            return CompletableFuture.failedFuture(serviceError(e));
        }
    }

    /** The lambda:invoke parameters Step Functions passes on: FunctionName, Payload, InvocationType, Qualifier. */
    private static InvokeRequest optimized(JsonNode input) {
        JsonNode payload = input.get("Payload");
        return InvokeRequest.builder()
                .functionName(input.path("FunctionName").asText())
                .invocationType(input.path("InvocationType").asText(null))
                .qualifier(input.path("Qualifier").asText(null))
                .payload(payload == null ? null : payload.isTextual()
                        ? SdkBytes.fromUtf8String(payload.textValue()) : bytes(payload))
                .build();
    }

    private static InvokeResponse unlessFunctionError(InvokeResponse response) {
        if (response.functionError() == null) {
            return response;
        }
        String document = response.payload().asUtf8String();
        JsonNode errorType = parse(response.payload()).get("errorType");
        if (errorType == null || !errorType.isTextual()) {
            throw new StatesException("Lambda.Unknown", "The cause could not be determined because Lambda did not "
                    + "return an error type. Returned payload: " + document);
        }
        throw new StatesException(errorType.textValue(), document);
    }

    /** How Step Functions words a Lambda API error, in the AWS SDK for Java's format. */
    private static StatesException serviceError(LambdaException e) {
        String code = e.awsErrorDetails().errorCode();
        return new StatesException("Lambda." + code, e.awsErrorDetails().errorMessage() + " (Service: AWSLambda; "
                + "Status Code: " + e.statusCode() + "; Error Code: " + code + "; Request ID: " + e.requestId()
                + "; Proxy: null)");
    }

    private static JsonNode envelope(InvokeResponse response) {
        ObjectNode envelope = Json.NODES.objectNode();
        envelope.put("ExecutedVersion", response.executedVersion());
        envelope.set("Payload", response.payload() == null ? Json.NODES.textNode("") : parse(response.payload()));
        envelope.putObject("SdkHttpMetadata").put("HttpStatusCode", response.statusCode());
        envelope.putObject("SdkResponseMetadata").put("RequestId", "local");
        envelope.put("StatusCode", response.statusCode());
        return envelope;
    }

    /** A payload that is not JSON (a raw handler's answer, an Event's empty body) stays text. */
    private static JsonNode parse(SdkBytes payload) {
        String text = payload.asUtf8String();
        if (text.isEmpty()) {
            return Json.NODES.textNode(text);
        }
        try {
            return Json.MAPPER.readTree(text);
        } catch (IOException e) {
            return Json.NODES.textNode(text);
        }
    }

    private static SdkBytes bytes(JsonNode json) {
        return SdkBytes.fromByteArray(Json.write(json).getBytes(StandardCharsets.UTF_8));
    }
}
