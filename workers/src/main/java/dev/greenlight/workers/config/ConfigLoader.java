package dev.greenlight.workers.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.greenlight.workers.config.ServiceConfig.Analysis;
import dev.greenlight.workers.config.ServiceConfig.Approval;
import dev.greenlight.workers.config.ServiceConfig.ApprovalMode;
import dev.greenlight.workers.config.ServiceConfig.Backend;
import dev.greenlight.workers.config.ServiceConfig.Canary;
import dev.greenlight.workers.config.ServiceConfig.CodeDeployTarget;
import dev.greenlight.workers.config.ServiceConfig.Notifications;
import dev.greenlight.workers.config.ServiceConfig.ScanThresholds;
import dev.greenlight.workers.config.ServiceConfig.Smoke;
import dev.greenlight.workers.config.ServiceConfig.SmokeCheck;
import dev.greenlight.workers.config.ServiceConfig.SyntheticLoad;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code greenlight.json}: every problem is reported at once, each naming the service and
 * the field ({@code services.orders.canary.percent: must be a whole number from 1 to 99, got 150}).
 * Absent optional fields take safe defaults: a 10 % canary for 5 minutes, automatic approval with a
 * 60-minute deadline, no critical finding allowed.
 */
public final class ConfigLoader {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private static final Set<String> SERVICE_FIELDS = Set.of("repository", "cluster", "service", "container",
            "containerPort", "codeDeploy", "alarms", "canary", "bakeMinutes", "approval", "scan", "requiredLabels",
            "smoke", "notifications", "backend");

    /** Lambda runs the smoke hook for at most 900 s; a minute is left for reporting the outcome. */
    static final int MAX_SMOKE_DEADLINE_SECONDS = 840;

    private ConfigLoader() {
    }

    /** @throws ConfigException when the file cannot be read or has problems */
    public static GreenlightConfig load(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new ConfigException(List.of("cannot read the configuration file " + file + " ("
                    + e.getClass().getSimpleName() + ")"));
        }
    }

    public static GreenlightConfig parse(String text) {
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            // A limit Jackson enforces (nesting depth, document length) carries no location.
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw new ConfigException(List.of("the configuration is not valid JSON: " + e.getOriginalMessage() + where));
        }
        List<String> problems = new ArrayList<>();
        Map<String, ServiceConfig> services = new LinkedHashMap<>();
        if (root == null || !root.isObject() || !root.path("services").isObject() || root.path("services").isEmpty()) {
            throw new ConfigException(List.of("the configuration needs a \"services\" object with at least one "
                    + "service, e.g. {\"services\": {\"orders\": {...}}}"));
        }
        new Node(root, "", problems).only(Set.of("services"));
        for (Iterator<Map.Entry<String, JsonNode>> it = root.get("services").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String path = "services." + entry.getKey();
            if (!entry.getValue().isObject()) {
                problems.add(path + ": must be an object");
                continue;
            }
            services.put(entry.getKey(), service(new Node(entry.getValue(), path, problems).only(SERVICE_FIELDS)));
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems.stream().map(p -> p.startsWith(".") ? p.substring(1) : p).toList());
        }
        return new GreenlightConfig(services);
    }

    private static ServiceConfig service(Node node) {
        Backend backend = backend(node);
        return new ServiceConfig(
                node.text("repository", null),
                node.text("cluster", null),
                node.text("service", null),
                node.text("container", null),
                node.requiredInteger("containerPort", 1, 65535),
                codeDeploy(node.object("codeDeploy", backend == Backend.codedeploy)),
                node.strings("alarms"),
                canary(node.object("canary", false)),
                node.integer("bakeMinutes", 0, 2880, 10),
                approval(node.object("approval", false)),
                scan(node.object("scan", false)),
                node.strings("requiredLabels"),
                smoke(node.object("smoke", true)),
                notifications(node.object("notifications", false)),
                backend);
    }

    /** "codedeploy" (the default) or "ecs". */
    private static Backend backend(Node node) {
        String backend = node.text("backend", "codedeploy");
        if (backend.equals("ecs")) {
            return Backend.ecs;
        }
        if (!backend.equals("codedeploy")) {
            node.problem("backend", "must be \"codedeploy\" (a CodeDeploy deployment group deploys the service) or "
                    + "\"ecs\" (Amazon ECS blue/green deploys it), got \"" + backend + "\"");
        }
        return Backend.codedeploy;
    }

    private static CodeDeployTarget codeDeploy(Node node) {
        if (node == null) {
            return null;
        }
        node.only(Set.of("application", "deploymentGroup"));
        return new CodeDeployTarget(node.text("application", null), node.text("deploymentGroup", null));
    }

    private static Canary canary(Node node) {
        if (node == null) {
            return new Canary(10, 5);
        }
        node.only(Set.of("percent", "minutes", "maxMinutes", "minRequests", "analysis", "syntheticLoad"));
        int minutes = node.integer("minutes", 1, 2880, 5);
        int maxMinutes = node.integer("maxMinutes", 1, 2880, ConfigDefaults.maxMinutes(minutes));
        if (maxMinutes < minutes) {
            node.problem("maxMinutes", "must be at least minutes (" + minutes + "), got " + maxMinutes);
        }
        return new Canary(node.integer("percent", 1, 99, 10), minutes, maxMinutes,
                node.integer("minRequests", 1, 1_000_000, ConfigDefaults.MIN_REQUESTS),
                analysis(node.object("analysis", false)), syntheticLoad(node.object("syntheticLoad", false)));
    }

    private static Analysis analysis(Node node) {
        if (node == null) {
            return Analysis.DEFAULT;
        }
        node.only(Set.of("confidence", "maxErrorRate", "maxLatencyRatio"));
        return new Analysis(node.number("confidence", 0.5, 0.9999, Analysis.DEFAULT.confidence()),
                node.number("maxErrorRate", 0, 1, Analysis.DEFAULT.maxErrorRate()),
                node.number("maxLatencyRatio", 1, 100, Analysis.DEFAULT.maxLatencyRatio()));
    }

    /** Lambda's URL-connection client and a 15-minute invocation bound what one worker can drive. */
    private static SyntheticLoad syntheticLoad(Node node) {
        if (node == null) {
            return null;
        }
        node.only(Set.of("requestsPerSecond", "paths", "expectStatus"));
        List<String> paths = node.strings("paths");
        paths.stream().filter(path -> !path.startsWith("/"))
                .forEach(path -> node.problem("paths", "each path must start with /, got \"" + path + "\""));
        return new SyntheticLoad(node.number("requestsPerSecond", 0.1, ConfigDefaults.MAX_SYNTHETIC_RPS, 5),
                paths.isEmpty() ? List.of("/") : paths, node.integer("expectStatus", 100, 599, 200));
    }

    private static Approval approval(Node node) {
        if (node == null) {
            return new Approval(ApprovalMode.auto, 60);
        }
        node.only(Set.of("mode", "timeoutMinutes"));
        String mode = node.text("mode", "auto");
        ApprovalMode parsed = ApprovalMode.auto;
        if (mode.equals("manual")) {
            parsed = ApprovalMode.manual;
        } else if (!mode.equals("auto")) {
            node.problem("mode", "must be \"auto\" or \"manual\", got \"" + mode + "\"");
        }
        return new Approval(parsed, node.integer("timeoutMinutes", 1, 10080, 60));
    }

    private static ScanThresholds scan(Node node) {
        if (node == null) {
            return new ScanThresholds(0, null, null);
        }
        Node counts = node.only(Set.of("maxCritical", "maxHigh", "maxMedium")).optionalIntegers();
        return new ScanThresholds(counts.integer("maxCritical", 0, 100_000, null),
                counts.integer("maxHigh", 0, 100_000, null), counts.integer("maxMedium", 0, 100_000, null));
    }

    private static Smoke smoke(Node node) {
        if (node == null) {
            return null;
        }
        node.only(Set.of("testUrl", "deadlineSeconds", "retryIntervalSeconds", "checks"));
        String testUrl = node.text("testUrl", null);
        if (testUrl != null && !testUrl.matches("https?://[^/\\s]+/?")) {
            node.problem("testUrl", "must be the test listener's base URL, like http://my-alb.example.com:8080, "
                    + "got \"" + testUrl + "\"");
        }
        List<SmokeCheck> checks = node.objects("checks").stream().map(ConfigLoader::check).toList();
        if (checks.isEmpty()) {
            node.problem("checks", "needs at least one check, e.g. {\"path\": \"/health\"}");
        }
        return new Smoke(testUrl, node.integer("deadlineSeconds", 5, MAX_SMOKE_DEADLINE_SECONDS, 120),
                node.integer("retryIntervalSeconds", 1, 300, 5), checks);
    }

    private static SmokeCheck check(Node node) {
        node.only(Set.of("path", "method", "expectStatus", "bodyContains", "maxLatencyMs"));
        String path = node.text("path", null);
        if (path != null && !path.startsWith("/")) {
            node.problem("path", "must start with /, got \"" + path + "\"");
        }
        String method = node.text("method", "GET");
        if (!Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS").contains(method)) {
            node.problem("method", "must be an HTTP method such as GET, got \"" + method + "\"");
        }
        return new SmokeCheck(path, method, node.integer("expectStatus", 100, 599, 200),
                node.optionalText("bodyContains"), node.optionalIntegers().integer("maxLatencyMs", 1, 600_000, null));
    }

    private static Notifications notifications(Node node) {
        if (node == null) {
            return new Notifications(null, "default");
        }
        node.only(Set.of("topicArn", "eventBusName"));
        String topic = node.text("topicArn", "");
        if (!topic.isEmpty() && !topic.startsWith("arn:aws:sns:")) {
            node.problem("topicArn", "must be an SNS topic ARN, got \"" + topic + "\"");
        }
        return new Notifications(topic.isEmpty() ? null : topic, node.text("eventBusName", "default"));
    }
}
