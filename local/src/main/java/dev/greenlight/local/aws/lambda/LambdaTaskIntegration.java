package dev.greenlight.local.aws.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.greenlight.local.asl.Json;
import dev.greenlight.local.asl.StatesException;
import dev.greenlight.local.asl.task.Integrations;
import dev.greenlight.local.asl.task.TaskAuthorizer;
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
 * and a refused call with {@code Lambda.<exception>}: the AWS SDK for Java (v1) exception Step
 * Functions calls Lambda with, named after the error code where Lambda models it
 * ({@code Lambda.ResourceNotFoundException}), else {@code Lambda.AWSLambdaException}: so an invocation
 * the state machine's role may not make fails the task with {@code Lambda.AWSLambdaException} and the
 * AccessDeniedException's message as cause. AWS does not document that name; it is what executions
 * refused so report (the error and cause quoted in awslabs/aws-deployment-framework#460). Other
 * resources go to {@code others}.
 */
public final class LambdaTaskIntegration implements Integrations {

    private static final String LAMBDA_INVOKE = "arn:aws:states:::lambda:invoke";

    private static final String MODELED_ERRORS = InvokeRequest.class.getPackageName() + ".";

    private final LambdaTwin lambda;
    private final TaskAuthorizer authorizer;
    private final Integrations others;

    /** Every invocation served, unchecked. */
    public LambdaTaskIntegration(LambdaTwin lambda, Integrations others) {
        this(lambda, TaskAuthorizer.NONE, others);
    }

    /** Each invocation authorized first as the state machine's role: {@code lambda:InvokeFunction} on the function. */
    public LambdaTaskIntegration(LambdaTwin lambda, TaskAuthorizer authorizer, Integrations others) {
        this.lambda = Objects.requireNonNull(lambda, "lambda");
        this.authorizer = Objects.requireNonNull(authorizer, "authorizer");
        this.others = Objects.requireNonNull(others, "others");
    }

    @Override
    public CompletableFuture<JsonNode> invoke(TaskCall call) {
        String resource = call.resource();
        if (resource.equals(LAMBDA_INVOKE) || resource.equals(LAMBDA_INVOKE + ".waitForTaskToken")) {
            return invoke(call, optimized(call.input())).thenApply(LambdaTaskIntegration::envelope);
        }
        if (resource.startsWith("arn:aws:lambda:")) {
            return invoke(call, InvokeRequest.builder().functionName(resource).payload(bytes(call.input())).build())
                    .thenApply(response -> parse(response.payload()));
        }
        return others.invoke(call);
    }

    private CompletableFuture<InvokeResponse> invoke(TaskCall call, InvokeRequest request) {
        try {
            authorizer.authorize(call, "lambda", "Invoke", request);
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
        return new StatesException("Lambda." + exceptionName(code), e.awsErrorDetails().errorMessage()
                + " (Service: AWSLambda; Status Code: " + e.statusCode() + "; Error Code: " + code + "; Request ID: "
                + e.requestId() + "; Proxy: null)");
    }

    /** The SDK's exception for {@code code}: its own class where Lambda models the error, else the service's base one. */
    static String exceptionName(String code) {
        try {
            Class.forName(MODELED_ERRORS + code).asSubclass(LambdaException.class);
            return code;
        } catch (ClassNotFoundException | ClassCastException unmodeled) {
            return "AWSLambdaException";
        }
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
