package dev.greenlight.local.asl.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.greenlight.local.asl.Json;
import dev.greenlight.local.asl.StatesError;
import dev.greenlight.local.asl.StatesException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The integrations of the local twin: Lambda functions registered as Java handlers (bare function
 * ARNs and {@code arn:aws:states:::lambda:invoke}), and {@code aws-sdk:SERVICE:ACTION} services.
 */
public final class LocalIntegrations implements Integrations {

    private static final String LAMBDA_INVOKE = "arn:aws:states:::lambda:invoke";
    private static final String AWS_SDK = "arn:aws:states:::aws-sdk:";

    private final Map<String, LambdaHandler> functions = new ConcurrentHashMap<>();
    private final Map<String, AwsSdkService> services = new ConcurrentHashMap<>();

    /** Registers a function under its name; ARNs naming that function reach it. */
    public LocalIntegrations function(String name, LambdaHandler handler) {
        functions.put(name, handler);
        return this;
    }

    public LocalIntegrations service(String name, AwsSdkService service) {
        services.put(name, service);
        return this;
    }

    @Override
    public CompletableFuture<JsonNode> invoke(TaskCall call) {
        String resource = call.resource();
        if (resource.equals(LAMBDA_INVOKE) || resource.equals(LAMBDA_INVOKE + ".waitForTaskToken")) {
            JsonNode payload = invokeFunction(call.input().path("FunctionName").asText(), call.input().get("Payload"));
            return CompletableFuture.completedFuture(envelope(payload));
        }
        if (resource.startsWith("arn:aws:lambda:")) {
            return CompletableFuture.completedFuture(invokeFunction(resource, call.input()));
        }
        if (resource.startsWith(AWS_SDK)) {
            return CompletableFuture.completedFuture(callService(resource.substring(AWS_SDK.length()), call.input()));
        }
        throw StatesError.RUNTIME.withCause("The local engine has no integration for the resource '" + resource
                + "'. Register one, or run with a mock configuration (--mock-config) that mocks this state.");
    }

    private JsonNode invokeFunction(String nameOrArn, JsonNode payload) {
        String name = functionName(nameOrArn);
        LambdaHandler handler = functions.get(name);
        if (handler == null) {
            throw new StatesException("Lambda.ResourceNotFoundException", "Function not found: " + nameOrArn
                    + " (Service: Lambda, Status Code: 404, Request ID: local)");
        }
        try {
            return handler.handle(payload == null ? Json.NODES.nullNode() : payload);
        } catch (StatesException e) {
            throw e;
        } catch (Exception e) {
            throw functionError(e);
        }
    }

    /** A function error as Step Functions reports it: the errorType as error, the error document as cause. */
    private static StatesException functionError(Exception e) {
        return new StatesException(e.getClass().getName(), Json.write(FunctionErrorDocument.of(e)));
    }

    private JsonNode callService(String serviceAndAction, JsonNode request) {
        int colon = serviceAndAction.indexOf(':');
        String service = serviceAndAction.substring(0, colon);
        String action = serviceAndAction.substring(colon + 1).replace(".waitForTaskToken", "");
        AwsSdkService target = services.get(service);
        if (target == null) {
            throw StatesError.RUNTIME.withCause("The local engine has no twin for the service '" + service
                    + "' (resource arn:aws:states:::aws-sdk:" + serviceAndAction + ").");
        }
        try {
            return target.call(action, request);
        } catch (AwsSdkService.ServiceError e) {
            throw new StatesException(target.errorPrefix() + "." + e.code(), e.getMessage());
        }
    }

    /** The response envelope of the optimized {@code lambda:invoke} integration. */
    private static JsonNode envelope(JsonNode payload) {
        ObjectNode envelope = Json.NODES.objectNode();
        envelope.put("ExecutedVersion", "$LATEST");
        envelope.set("Payload", payload);
        envelope.putObject("SdkHttpMetadata").put("HttpStatusCode", 200);
        envelope.putObject("SdkResponseMetadata").put("RequestId", "local");
        envelope.put("StatusCode", 200);
        return envelope;
    }

    /** {@code arn:aws:lambda:region:account:function:name[:qualifier]} or a bare name. */
    private static String functionName(String nameOrArn) {
        String[] parts = nameOrArn.split(":");
        for (int i = 0; i < parts.length - 1; i++) {
            if (parts[i].equals("function")) {
                return parts[i + 1];
            }
        }
        return nameOrArn;
    }
}
