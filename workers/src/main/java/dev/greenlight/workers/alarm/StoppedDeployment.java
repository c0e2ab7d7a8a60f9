package dev.greenlight.workers.alarm;

/** What StopOnAlarm did to one active deployment of a service that watches the alarm. */
public record StoppedDeployment(String service, String deploymentId, Result result) {

    public enum Result {
        /** StopDeployment with rollback: CodeDeploy puts all production traffic back on blue. */
        STOPPED,
        /** It ended between the look-up and the stop: nothing left to stop. */
        ALREADY_ENDED,
        /** Created after the alarm's transition (a release that overrode a firing alarm): left to the pipeline. */
        STARTED_AFTER_ALARM
    }
}
