package dev.greenlight.statemachine.twin;

import dev.greenlight.local.twin.DemoService;
import dev.greenlight.local.twin.LocalTwin;
import dev.greenlight.workers.config.ServiceConfig;
import dev.greenlight.workers.config.ServiceConfig.Approval;
import dev.greenlight.workers.config.ServiceConfig.ApprovalMode;
import dev.greenlight.workers.config.ServiceConfig.Canary;
import dev.greenlight.workers.config.ServiceConfig.Backend;
import dev.greenlight.workers.config.ServiceConfig.CodeDeployTarget;
import dev.greenlight.workers.config.ServiceConfig.Notifications;
import dev.greenlight.workers.config.ServiceConfig.ScanThresholds;
import dev.greenlight.workers.config.ServiceConfig.Smoke;
import dev.greenlight.workers.config.ServiceConfig.SmokeCheck;
import java.util.List;

/**
 * The configuration entry of a service the twin provisioned: its names, its test listener's real
 * loopback address, a notifications topic in the SNS twin, and its backend (CodeDeploy when the twin
 * made it a deployment group, ECS when it provisioned the service ECS-native).
 */
public final class TwinServiceConfig {

    private TwinServiceConfig() {
    }

    /** With a 10 % canary watched for 5 minutes. */
    public static ServiceConfig of(LocalTwin twin, DemoService service, ApprovalMode approval, int bakeMinutes) {
        return of(twin, service, approval, new Canary(10, 5), bakeMinutes);
    }

    /** With the canary given: real-time runs want short windows. */
    public static ServiceConfig of(LocalTwin twin, DemoService service, ApprovalMode approval, Canary canary,
            int bakeMinutes) {
        String topic = twin.sns().createTopic(request -> request.name("greenlight")).topicArn();
        String testUrl = "http://127.0.0.1:" + twin.elb().listenerPort(service.testListenerArn());
        boolean codeDeploy = service.deploymentGroup() != null;
        return new ServiceConfig(service.name(), service.cluster(), service.name(), DemoService.CONTAINER,
                DemoService.CONTAINER_PORT, codeDeploy ? new CodeDeployTarget(service.name(), service.deploymentGroup())
                        : null,
                service.alarms(), canary, bakeMinutes, new Approval(approval, 30),
                new ScanThresholds(0, null, null), List.of(),
                new Smoke(testUrl, 60, 5, List.of(new SmokeCheck("/health", "GET", 200, null, null),
                        new SmokeCheck("/", "GET", 200, "version", 2000))),
                new Notifications(topic, "default"), codeDeploy ? Backend.codedeploy : Backend.ecs);
    }
}
