package dev.greenlight.workers.config;

import java.util.List;

/**
 * One service: where its images come from, what it runs on, how a release of it is checked and
 * who decides. The same entry travels in every execution's input, so the history shows exactly
 * what a deployment used.
 */
public record ServiceConfig(
        String repository,
        String cluster,
        String service,
        String container,
        int containerPort,
        CodeDeployTarget codeDeploy,
        List<String> alarms,
        Canary canary,
        int bakeMinutes,
        Approval approval,
        ScanThresholds scan,
        List<String> requiredLabels,
        Smoke smoke,
        Notifications notifications,
        Backend backend) {

    /** {@code backend} null (an execution input from before there was a choice) is CodeDeploy. */
    public ServiceConfig {
        backend = backend == null ? Backend.codedeploy : backend;
    }

    /** Deployed by CodeDeploy, the default. */
    public ServiceConfig(String repository, String cluster, String service, String container, int containerPort,
            CodeDeployTarget codeDeploy, List<String> alarms, Canary canary, int bakeMinutes, Approval approval,
            ScanThresholds scan, List<String> requiredLabels, Smoke smoke, Notifications notifications) {
        this(repository, cluster, service, container, containerPort, codeDeploy, alarms, canary, bakeMinutes, approval,
                scan, requiredLabels, smoke, notifications, Backend.codedeploy);
    }

    /** The same service deployed by another backend. */
    public ServiceConfig withBackend(Backend other) {
        return new ServiceConfig(repository, cluster, service, container, containerPort, codeDeploy, alarms, canary,
                bakeMinutes, approval, scan, requiredLabels, smoke, notifications, other);
    }

    /**
     * Who runs the blue/green deployment: CodeDeploy (a deployment group per service) or Amazon ECS
     * itself (the ECS deployment controller with the BLUE_GREEN or CANARY strategy).
     */
    public enum Backend { codedeploy, ecs }

    /** The same service approved another way, for one manual start ({@code greenlight start --approval}). */
    public ServiceConfig withApproval(ApprovalMode mode) {
        return new ServiceConfig(repository, cluster, service, container, containerPort, codeDeploy, alarms, canary,
                bakeMinutes, new Approval(mode, approval.timeoutMinutes()), scan, requiredLabels, smoke, notifications,
                backend);
    }

    /** The CodeDeploy application and deployment group that deploy this service. */
    public record CodeDeployTarget(String application, String deploymentGroup) {
    }

    /**
     * The share of production traffic green gets first and for how long, and the evidence a verdict
     * needs: at least {@code minRequests} requests served by green, judged by {@code analysis}; too
     * little evidence extends the watch up to {@code maxMinutes}. {@code syntheticLoad} (null: none)
     * drives requests at green through the test listener, for services too quiet to give evidence.
     */
    public record Canary(int percent, int minutes, int maxMinutes, int minRequests, Analysis analysis,
            SyntheticLoad syntheticLoad) {

        /**
         * A hand-made execution input may leave out the newer fields (JSON gives 0 and null): they
         * take the same safe defaults as in greenlight.json, never "no evidence needed".
         */
        public Canary {
            maxMinutes = maxMinutes == 0 ? ConfigDefaults.maxMinutes(minutes) : maxMinutes;
            minRequests = minRequests == 0 ? ConfigDefaults.MIN_REQUESTS : minRequests;
            analysis = analysis == null ? Analysis.DEFAULT : analysis;
        }

        /** Safe defaults for the rest: evidence required, three times the window to gather it. */
        public Canary(int percent, int minutes) {
            this(percent, minutes, ConfigDefaults.maxMinutes(minutes), ConfigDefaults.MIN_REQUESTS,
                    Analysis.DEFAULT, null);
        }
    }

    /**
     * How green is compared with blue: its 5xx share must not be higher than blue's (nor above
     * {@code maxErrorRate}) with {@code confidence}, and its mean response time at most
     * {@code maxLatencyRatio} times blue's.
     */
    public record Analysis(double confidence, double maxErrorRate, double maxLatencyRatio) {
        public static final Analysis DEFAULT = new Analysis(0.99, 0.01, 1.5);
    }

    /** Requests a second at green through the test listener, on these paths, each expecting this status. */
    public record SyntheticLoad(double requestsPerSecond, List<String> paths, int expectStatus) {
    }

    /** Automatic, or manual with a deadline after which the release rolls back. */
    public record Approval(ApprovalMode mode, int timeoutMinutes) {
    }

    public enum ApprovalMode { auto, manual }

    /** The most findings of each severity an image may have; null means no limit. */
    public record ScanThresholds(Integer maxCritical, Integer maxHigh, Integer maxMedium) {
    }

    /** Checks run against the test listener before production traffic moves. */
    public record Smoke(String testUrl, int deadlineSeconds, int retryIntervalSeconds, List<SmokeCheck> checks) {
    }

    /** One request and what its answer must be. */
    public record SmokeCheck(String path, String method, int expectStatus, String bodyContains, Integer maxLatencyMs) {
    }

    /** Where people hear about releases and approvals; either may be null. */
    public record Notifications(String topicArn, String eventBusName) {
    }
}
