package dev.greenlight.local.aws.ecs;

/** The task and container statuses the twin passes through (AWS's task lifecycle, without the ENI steps). */
final class TaskStatus {

    static final String PROVISIONING = "PROVISIONING";
    static final String PENDING = "PENDING";
    static final String RUNNING = "RUNNING";
    static final String STOPPED = "STOPPED";

    private TaskStatus() {
    }
}
