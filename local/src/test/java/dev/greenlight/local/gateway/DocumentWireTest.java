package dev.greenlight.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.local.clock.VirtualClock;
import dev.greenlight.local.twin.DemoService;
import dev.greenlight.local.twin.LocalTwin;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.DeploymentLifecycleHook;
import software.amazon.awssdk.services.ecs.model.DeploymentLifecycleHookStage;
import software.amazon.awssdk.services.ecs.model.DeploymentStrategy;

/** A Smithy document (an ECS lifecycle hook's hookDetails) goes over the wire both ways, as inline JSON. */
class DocumentWireTest {

    private final LocalTwin twin = LocalTwin.virtualTime(new VirtualClock(Instant.parse("2026-01-01T00:00:00Z")));
    private final WireGateway gateway = twin.serve(0);
    private final EcsClient ecs = SdkClients.against(gateway, EcsClient.builder());

    @AfterEach
    void stop() {
        ecs.close();
        gateway.close();
        twin.close();
    }

    @Test
    void hookDetails_areReadFromARequest_andWrittenInAResponse() {
        DemoService orders = DemoService.provision(twin, DemoService.Settings.defaults("orders"), true);
        Document details = Document.mapBuilder().putString("greenlight", "smoke").putNumber("attempts", 3)
                .putBoolean("strict", true).putList("paths", paths -> paths.addString("/health")).build();

        ecs.updateService(r -> r.cluster(orders.cluster()).service("orders").deploymentConfiguration(d -> d
                .strategy(DeploymentStrategy.BLUE_GREEN).bakeTimeInMinutes(0)
                .lifecycleHooks(DeploymentLifecycleHook.builder()
                        .hookTargetArn("arn:aws:lambda:us-east-1:123456789012:function:hook")
                        .roleArn("arn:aws:iam::123456789012:role/hook")
                        .lifecycleStages(DeploymentLifecycleHookStage.POST_TEST_TRAFFIC_SHIFT)
                        .hookDetails(details).build())));

        DeploymentLifecycleHook hook = ecs.describeServices(r -> r.cluster(orders.cluster()).services("orders"))
                .services().get(0).deploymentConfiguration().lifecycleHooks().get(0);
        assertThat(hook.hookDetails()).isEqualTo(details);
    }
}
