package dev.greenlight.local.aws.codedeploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads an ECS AppSpec given as AppSpecContent, JSON or YAML (YAML is a superset of JSON, so one
 * parser reads both). A problem is CreateDeployment's InvalidRevisionException.
 */
final class AppSpecReader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String ECS_SERVICE = "AWS::ECS::Service";

    private AppSpecReader() {
    }

    static AppSpec read(String content) {
        JsonNode root = parse(content);
        JsonNode properties = targetServiceProperties(root);
        JsonNode loadBalancer = properties.path("LoadBalancerInfo");
        return new AppSpec(
                requiredText(properties, "TaskDefinition", "Resources.TargetService.Properties"),
                requiredText(loadBalancer, "ContainerName", "Properties.LoadBalancerInfo"),
                containerPort(loadBalancer),
                properties.path("PlatformVersion").isTextual() ? properties.get("PlatformVersion").asText() : null,
                network(properties.path("NetworkConfiguration").path("AwsvpcConfiguration")),
                hooks(root.path("Hooks")));
    }

    private static JsonNode parse(String content) {
        if (content == null || content.isBlank()) {
            throw invalid("The AppSpec content is empty.");
        }
        try {
            JsonNode root = YAML.readTree(content);
            if (root == null || !root.isObject()) {
                throw invalid("The AppSpec content must be a JSON or YAML object.");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw invalid("The AppSpec content is neither valid JSON nor valid YAML: " + e.getOriginalMessage());
        }
    }

    /** Resources is a list of one named resource whose Type is AWS::ECS::Service. */
    private static JsonNode targetServiceProperties(JsonNode root) {
        JsonNode resources = root.path("Resources");
        if (!resources.isArray() || resources.size() != 1 || !resources.get(0).isObject()
                || resources.get(0).size() != 1) {
            throw invalid("The AppSpec file must have exactly one resource in Resources for an ECS deployment.");
        }
        JsonNode service = resources.get(0).elements().next();
        if (!ECS_SERVICE.equals(service.path("Type").asText(null))) {
            throw invalid("The AppSpec resource Type must be " + ECS_SERVICE + ".");
        }
        JsonNode properties = service.path("Properties");
        if (!properties.isObject()) {
            throw invalid("The AppSpec resource has no Properties.");
        }
        return properties;
    }

    private static int containerPort(JsonNode loadBalancer) {
        JsonNode port = loadBalancer.path("ContainerPort");
        int value = port.isInt() ? port.asInt() : port.isTextual() ? parsePort(port.asText()) : -1;
        if (value < 1 || value > 65535) {
            throw invalid("The AppSpec LoadBalancerInfo.ContainerPort must be a port number (1-65535).");
        }
        return value;
    }

    private static int parsePort(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static ReplacementTaskSet.AwsVpcConfiguration network(JsonNode awsvpc) {
        if (awsvpc.isMissingNode()) {
            return null;
        }
        return new ReplacementTaskSet.AwsVpcConfiguration(texts(awsvpc.path("Subnets")),
                texts(awsvpc.path("SecurityGroups")), awsvpc.path("AssignPublicIp").asText(null));
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(item -> values.add(item.asText()));
        return List.copyOf(values);
    }

    /** Hooks is a list of one-entry maps, each a hookable ECS event and a Lambda function. */
    private static Map<EcsLifecycleEvent, String> hooks(JsonNode hooks) {
        Map<EcsLifecycleEvent, String> byEvent = new EnumMap<>(EcsLifecycleEvent.class);
        if (hooks.isMissingNode() || hooks.isNull()) {
            return byEvent;
        }
        if (!hooks.isArray()) {
            throw invalid("The AppSpec Hooks section must be a list of {LifecycleEvent: function} entries.");
        }
        for (JsonNode hook : hooks) {
            Iterator<Map.Entry<String, JsonNode>> fields = hook.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                EcsLifecycleEvent event = EcsLifecycleEvent.hookableNamed(field.getKey()).orElseThrow(() ->
                        invalid("The AppSpec hook " + field.getKey() + " is not a lifecycle event of an ECS "
                                + "deployment (BeforeInstall, AfterInstall, AfterAllowTestTraffic, "
                                + "BeforeAllowTraffic, AfterAllowTraffic)."));
                if (!field.getValue().isTextual() || field.getValue().asText().isBlank()) {
                    throw invalid("The AppSpec hook " + field.getKey() + " must name a Lambda function.");
                }
                if (byEvent.put(event, field.getValue().asText()) != null) {
                    throw invalid("The AppSpec hook " + field.getKey() + " is specified more than once.");
                }
            }
        }
        return byEvent;
    }

    private static String requiredText(JsonNode node, String field, String where) {
        JsonNode value = node.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw invalid("The AppSpec file is missing " + where + "." + field + ".");
        }
        return value.asText();
    }

    private static RuntimeException invalid(String message) {
        return CodeDeployErrors.invalidRevision(message);
    }
}
