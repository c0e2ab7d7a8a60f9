package dev.greenlight.workers.taskdef;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.local.clock.VirtualClock;
import dev.greenlight.local.twin.DemoService;
import dev.greenlight.local.twin.LocalTwin;
import dev.greenlight.workers.config.ServiceConfig;
import dev.greenlight.workers.core.ServiceNotFound;
import dev.greenlight.workers.testing.Configs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.CPUArchitecture;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/** RegisterTaskDefinition against the twin's ECS: the demo service runs {@code orders:1} with container {@code app}. */
class RegisterTaskDefinitionTest {

    private final VirtualClock clock = new VirtualClock();
    private final LocalTwin twin = LocalTwin.virtualTime(clock);
    private final DemoService orders = DemoService.provision(twin, DemoService.Settings.defaults("orders"));
    private final RegisterTaskDefinition register = new RegisterTaskDefinition(twin.ecs());

    @AfterEach
    void close() {
        twin.close();
    }

    @Test
    void currentDefinition_isRegisteredAgainWithTheNewImage() {
        String image = DemoService.push(twin, "orders", "2.0", "healthy");
        TaskDefinition before = describe("orders:1");

        RegisterTaskDefinition.Output out = register.apply(new RegisterTaskDefinition.Input(image, Configs.orders()));

        assertThat(out.previousTaskDefinitionArn()).isEqualTo(before.taskDefinitionArn());
        assertThat(out.taskDefinitionArn()).endsWith(":task-definition/orders:2");
        TaskDefinition after = describe(out.taskDefinitionArn());
        assertThat(after.containerDefinitions()).singleElement().satisfies(app -> {
            assertThat(app.image()).isEqualTo(image);
            assertThat(app.toBuilder().image(null).build())
                    .isEqualTo(before.containerDefinitions().get(0).toBuilder().image(null).build());
        });
        assertThat(after.toBuilder().taskDefinitionArn(null).revision(null).containerDefinitions(java.util.List.of())
                .registeredAt(null).build())
                .isEqualTo(before.toBuilder().taskDefinitionArn(null).revision(null)
                        .containerDefinitions(java.util.List.of()).registeredAt(null).build());
    }

    @Test
    void otherContainersAndSettings_areKept() {
        String richArn = twin.ecs().registerTaskDefinition(r -> r.family("billing").networkMode(NetworkMode.AWSVPC)
                .requiresCompatibilities(Compatibility.FARGATE).cpu("512").memory("1024")
                .executionRoleArn("arn:aws:iam::123456789012:role/exec").taskRoleArn("arn:aws:iam::123456789012:role/task")
                .runtimePlatform(p -> p.cpuArchitecture(CPUArchitecture.ARM64).operatingSystemFamily("LINUX"))
                .containerDefinitions(
                        c -> c.name("envoy").image("public.ecr.aws/envoy:v1").essential(true),
                        c -> c.name("web").image("old").essential(true).environment(e -> e.name("MODE").value("prod"))
                                .portMappings(p -> p.containerPort(8080))))
                .taskDefinition().taskDefinitionArn();
        twin.ecs().createService(r -> r.cluster("greenlight").serviceName("billing").taskDefinition(richArn)
                .desiredCount(0).launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-0a1b2c3d"))));
        ServiceConfig billing = withServiceAndContainer("billing", "web");

        RegisterTaskDefinition.Output out = register.apply(new RegisterTaskDefinition.Input("new@sha256:1", billing));

        TaskDefinition after = describe(out.taskDefinitionArn());
        assertThat(out.taskDefinitionArn()).endsWith("/billing:2");
        assertThat(after.containerDefinitions()).extracting(ContainerDefinition::name, ContainerDefinition::image)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("envoy", "public.ecr.aws/envoy:v1"),
                        org.assertj.core.groups.Tuple.tuple("web", "new@sha256:1"));
        assertThat(after.containerDefinitions().get(1).environment()).singleElement()
                .satisfies(e -> assertThat(e.value()).isEqualTo("prod"));
        assertThat(after.runtimePlatform().cpuArchitecture()).isEqualTo(CPUArchitecture.ARM64);
        assertThat(after.executionRoleArn()).endsWith("role/exec");
        assertThat(after.taskRoleArn()).endsWith("role/task");
        assertThat(after.cpu()).isEqualTo("512");
    }

    @Test
    void containerNotInTheDefinition_isRefusedNamingThoseThatAre() {
        assertThatThrownBy(() -> register.apply(new RegisterTaskDefinition.Input("x@sha256:1",
                withServiceAndContainer("orders", "web"))))
                .isInstanceOf(ContainerNotFound.class)
                .hasMessageContaining("container 'web' is not in task definition orders:1, which has 'app'");
    }

    @Test
    void serviceNotInTheCluster_isServiceNotFound() {
        assertThatThrownBy(() -> register.apply(new RegisterTaskDefinition.Input("x@sha256:1",
                withServiceAndContainer("nope", "app"))))
                .isInstanceOf(ServiceNotFound.class)
                .hasMessageContaining("'nope'").hasMessageContaining("cluster 'greenlight'");
    }

    @Test
    void missingImageUri_isRefusedSayingWhereItComesFrom() {
        assertThatThrownBy(() -> register.apply(new RegisterTaskDefinition.Input(" ", Configs.orders())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("VerifyImage's output");
    }

    private TaskDefinition describe(String reference) {
        return twin.ecs().describeTaskDefinition(r -> r.taskDefinition(reference)).taskDefinition();
    }

    private static ServiceConfig withServiceAndContainer(String service, String container) {
        ServiceConfig c = Configs.orders();
        return new ServiceConfig(c.repository(), c.cluster(), service, container, c.containerPort(), c.codeDeploy(),
                c.alarms(), c.canary(), c.bakeMinutes(), c.approval(), c.scan(), c.requiredLabels(), c.smoke(),
                c.notifications());
    }
}
