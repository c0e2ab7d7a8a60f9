package dev.greenlight.workers.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.greenlight.workers.core.Worker;
import java.util.Optional;
import software.amazon.awssdk.services.codedeploy.model.DeploymentInfo;

/**
 * The AppSpec content of an ECS blue/green deployment, as CodeDeploy reads it:
 * <pre>{"version": 0.0,
 *  "Resources": [{"TargetService": {"Type": "AWS::ECS::Service", "Properties": {
 *      "TaskDefinition": arn, "LoadBalancerInfo": {"ContainerName": name, "ContainerPort": port}}}}],
 *  "Hooks": [{"BeforeAllowTraffic": function}]}</pre>
 */
public final class AppSpecs {

    private AppSpecs() {
    }

    /** {@code beforeAllowTrafficHook} null leaves out the Hooks section (a rollback redeploy). */
    public static String ecsService(String taskDefinitionArn, String container, int containerPort,
            String beforeAllowTrafficHook) {
        ObjectNode root = Worker.JSON.createObjectNode();
        root.put("version", 0.0);
        ObjectNode properties = root.putArray("Resources").addObject().putObject("TargetService")
                .put("Type", "AWS::ECS::Service").putObject("Properties");
        properties.put("TaskDefinition", taskDefinitionArn);
        properties.putObject("LoadBalancerInfo").put("ContainerName", container).put("ContainerPort", containerPort);
        if (beforeAllowTrafficHook != null) {
            root.putArray("Hooks").addObject().put("BeforeAllowTraffic", beforeAllowTrafficHook);
        }
        return root.toString();
    }

    /** The task definition an AppSpec content deploys; empty when it is not JSON of this shape. */
    /** The task definition a deployment's AppSpec (its AppSpecContent revision) names, if any. */
    public static Optional<String> taskDefinitionOf(DeploymentInfo deployment) {
        return deployment.revision() == null || deployment.revision().appSpecContent() == null ? Optional.empty()
                : taskDefinitionOf(deployment.revision().appSpecContent().content());
    }

    public static Optional<String> taskDefinitionOf(String content) {
        if (content == null) {
            return Optional.empty();
        }
        try {
            JsonNode taskDefinition = Worker.JSON.readTree(content).path("Resources").path(0).path("TargetService")
                    .path("Properties").path("TaskDefinition");
            return taskDefinition.isTextual() ? Optional.of(taskDefinition.asText()) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
