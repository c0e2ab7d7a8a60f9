package seed;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * The seed's BeforeAllowTraffic hook: GETs the test listener, which forwards to the replacement
 * task set before any production traffic does, and tells CodeDeploy whether the new version
 * answered (PutLifecycleEventHookExecutionStatus: Succeeded or Failed).
 *
 * <p>Configured by its environment: TEST_LISTENER_URL, EXPECTED_VERSION (the body must name it)
 * and CODEDEPLOY_ENDPOINT. CodeDeploy is called with a plain awsJson POST so the jar needs no AWS
 * SDK; that works against the Greenlight twin, which does not check signatures. In AWS, use the
 * SDK's CodeDeployClient instead.
 */
public class BeforeAllowTraffic implements RequestHandler<Map<String, String>, String> {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Override
    public String handleRequest(Map<String, String> event, Context context) {
        String expected = "\"version\":\"" + setting(context, "EXPECTED_VERSION") + "\"";
        String status;
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(setting(context,
                    "TEST_LISTENER_URL"))).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            status = answer.statusCode() == 200 && answer.body().contains(expected) ? "Succeeded" : "Failed";
            context.getLogger().log("GET test listener: " + answer.statusCode() + " " + answer.body() + " -> " + status);
        } catch (IOException | InterruptedException e) {
            status = "Failed";
            context.getLogger().log("GET test listener failed: " + e);
        }
        report(setting(context, "CODEDEPLOY_ENDPOINT"), event.get("DeploymentId"),
                event.get("LifecycleEventHookExecutionId"), status);
        return status;
    }

    private void report(String endpoint, String deploymentId, String executionId, String status) {
        String body = "{\"deploymentId\":\"" + deploymentId + "\",\"lifecycleEventHookExecutionId\":\"" + executionId
                + "\",\"status\":\"" + status + "\"}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint + "/"))
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("X-Amz-Target", "CodeDeploy_20141006.PutLifecycleEventHookExecutionStatus")
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("PutLifecycleEventHookExecutionStatus answered "
                        + answer.statusCode() + ": " + answer.body());
            }
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("PutLifecycleEventHookExecutionStatus failed: " + e, e);
        }
    }

    /** The Lambda runtime's environment; the Greenlight twin passes it in the client context instead. */
    private static String setting(Context context, String name) {
        String value = System.getenv(name);
        if (value == null && context.getClientContext() != null) {
            value = context.getClientContext().getEnvironment().get(name);
        }
        if (value == null) {
            throw new IllegalStateException("the function's environment has no " + name);
        }
        return value;
    }
}
