package dev.greenlight.local.aws.codedeploy;

import java.time.Instant;
import software.amazon.awssdk.services.codedeploy.model.LifecycleEvent;
import software.amazon.awssdk.services.codedeploy.model.LifecycleEventStatus;

/** One lifecycle event of the ECS target, as GetDeploymentTarget reports it. */
record LifecycleEventRecord(EcsLifecycleEvent event, LifecycleEventStatus status, Instant startTime,
        Instant endTime) {

    static LifecycleEventRecord pending(EcsLifecycleEvent event) {
        return new LifecycleEventRecord(event, LifecycleEventStatus.PENDING, null, null);
    }

    LifecycleEventRecord started(Instant now) {
        return new LifecycleEventRecord(event, LifecycleEventStatus.IN_PROGRESS, now, null);
    }

    LifecycleEventRecord ended(LifecycleEventStatus result, Instant now) {
        return new LifecycleEventRecord(event, result, startTime == null ? now : startTime, now);
    }

    boolean isFinished() {
        return status != LifecycleEventStatus.PENDING && status != LifecycleEventStatus.IN_PROGRESS;
    }

    LifecycleEvent toSdk() {
        return LifecycleEvent.builder().lifecycleEventName(event.eventName()).status(status)
                .startTime(startTime).endTime(endTime).build();
    }
}
