package dev.greenlight.local.aws.codedeploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.codedeploy.model.LifecycleEventStatus;

/**
 * Lambda as CodeDeploy sees it: records each invocation; a function given an answer reports it
 * through PutLifecycleEventHookExecutionStatus as a real hook does, the others stay silent.
 */
final class FakeHooks implements HookInvoker {

    record Invocation(String function, String deploymentId, String executionId) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    final List<Invocation> invocations = new ArrayList<>();
    final Map<String, LifecycleEventStatus> answers = new HashMap<>();
    CodeDeployClient client;

    @Override
    public void invokeAsync(String function, String payload) {
        JsonNode event = read(payload);
        Invocation invocation = new Invocation(function, event.get("DeploymentId").asText(),
                event.get("LifecycleEventHookExecutionId").asText());
        invocations.add(invocation);
        LifecycleEventStatus answer = answers.get(function);
        if (answer != null) {
            client.putLifecycleEventHookExecutionStatus(b -> b.deploymentId(invocation.deploymentId())
                    .lifecycleEventHookExecutionId(invocation.executionId()).status(answer));
        }
    }

    List<String> functionsInvoked() {
        return invocations.stream().map(Invocation::function).toList();
    }

    private static JsonNode read(String payload) {
        try {
            JsonNode event = JSON.readTree(payload);
            if (event.size() != 2) {
                throw new AssertionError("CodeDeploy's hook event has exactly two fields: " + payload);
            }
            return event;
        } catch (java.io.IOException e) {
            throw new AssertionError("hook payload is not JSON: " + payload, e);
        }
    }
}
