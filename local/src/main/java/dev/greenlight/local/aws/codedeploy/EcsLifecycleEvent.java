package dev.greenlight.local.aws.codedeploy;

import java.util.Arrays;
import java.util.Optional;

/**
 * The lifecycle events of an Amazon ECS deployment, in the order CodeDeploy runs them. Only five
 * take a Lambda hook; Install, AllowTestTraffic and AllowTraffic are CodeDeploy's own work.
 */
enum EcsLifecycleEvent {
    BEFORE_INSTALL("BeforeInstall", true),
    INSTALL("Install", false),
    AFTER_INSTALL("AfterInstall", true),
    ALLOW_TEST_TRAFFIC("AllowTestTraffic", false),
    AFTER_ALLOW_TEST_TRAFFIC("AfterAllowTestTraffic", true),
    BEFORE_ALLOW_TRAFFIC("BeforeAllowTraffic", true),
    ALLOW_TRAFFIC("AllowTraffic", false),
    AFTER_ALLOW_TRAFFIC("AfterAllowTraffic", true);

    private final String eventName;
    private final boolean hookable;

    EcsLifecycleEvent(String eventName, boolean hookable) {
        this.eventName = eventName;
        this.hookable = hookable;
    }

    String eventName() {
        return eventName;
    }

    boolean hookable() {
        return hookable;
    }

    static Optional<EcsLifecycleEvent> hookableNamed(String name) {
        return Arrays.stream(values()).filter(event -> event.hookable && event.eventName.equals(name)).findFirst();
    }
}
