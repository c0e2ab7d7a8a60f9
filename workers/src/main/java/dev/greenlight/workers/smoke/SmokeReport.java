package dev.greenlight.workers.smoke;

import java.util.List;
import software.amazon.awssdk.services.codedeploy.model.LifecycleEventStatus;

/** What the hook reported to CodeDeploy, and each check's last attempt. */
public record SmokeReport(Status status, List<CheckResult> results) {

    public SmokeReport {
        results = List.copyOf(results);
    }

    public enum Status {
        SUCCEEDED(LifecycleEventStatus.SUCCEEDED), FAILED(LifecycleEventStatus.FAILED);

        private final LifecycleEventStatus codeDeploy;

        Status(LifecycleEventStatus codeDeploy) {
            this.codeDeploy = codeDeploy;
        }

        /** The status PutLifecycleEventHookExecutionStatus takes. */
        public LifecycleEventStatus codeDeploy() {
            return codeDeploy;
        }
    }
}
