package dev.greenlight.infra;

import java.util.Arrays;
import java.util.List;
import software.amazon.awscdk.Duration;

/**
 * The Lambda workers: handler class, the definition substitution that names the function in
 * {@code pipeline.asl.json} (null for those the state machine does not call), and a timeout.
 */
public enum Worker {
    TRIGGER("trigger.Trigger", null, 30),
    VERIFY_IMAGE("verify.VerifyImage", "VerifyImageFunction", 120),
    PREFLIGHT("preflight.Preflight", "PreflightFunction", 60),
    REGISTER_TASK_DEFINITION("taskdef.RegisterTaskDefinition", "RegisterTaskDefinitionFunction", 60),
    START_DEPLOYMENT("deploy.StartDeployment", "StartDeploymentFunction", 60),
    // The hook retries checks until the service's deadline; Lambda's ceiling is 15 minutes.
    SMOKE_TEST_HOOK("smoke.SmokeTestHook", null, 900),
    WATCH_DEPLOYMENT("watch.WatchDeployment", "WatchDeploymentFunction", 60),
    REQUEST_APPROVAL("approval.RequestApproval", "RequestApprovalFunction", 30),
    PROMOTE("promote.Promote", "PromoteFunction", 60),
    ROLLBACK("rollback.Rollback", "RollbackFunction", 60),
    NOTIFY("notify.Notify", "NotifyFunction", 30),
    // Invoked by the alarm rule, not by the state machine: stops the deployment the moment an alarm fires.
    STOP_ON_ALARM("alarm.StopOnAlarm", null, 30),
    // Drives requests until the next look, at most 840 s an invocation (DriveSyntheticLoad.MAX_SECONDS).
    DRIVE_SYNTHETIC_LOAD("synthetic.DriveSyntheticLoad", "DriveSyntheticLoadFunction", 900);

    private final String handlerClass;
    private final String substitution;
    private final int timeoutSeconds;

    Worker(String handlerClass, String substitution, int timeoutSeconds) {
        this.handlerClass = handlerClass;
        this.substitution = substitution;
        this.timeoutSeconds = timeoutSeconds;
    }

    /** The Lambda handler string, e.g. {@code dev.greenlight.workers.verify.VerifyImage::handleRequest}. */
    public String handler() {
        return "dev.greenlight.workers." + handlerClass + "::handleRequest";
    }

    /** The construct id, e.g. {@code VerifyImage}. */
    public String id() {
        return handlerClass.substring(handlerClass.indexOf('.') + 1);
    }

    /** The definition substitution key, or null when the state machine does not call this worker. */
    public String substitution() {
        return substitution;
    }

    public Duration timeout() {
        return Duration.seconds(timeoutSeconds);
    }

    public static List<Worker> calledByStateMachine() {
        return Arrays.stream(values()).filter(w -> w.substitution != null).toList();
    }
}
