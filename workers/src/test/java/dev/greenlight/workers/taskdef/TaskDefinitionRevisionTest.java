package dev.greenlight.workers.taskdef;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionStatus;

/** Every field RegisterTaskDefinition takes comes back from DescribeTaskDefinition's answer, the image replaced. */
class TaskDefinitionRevisionTest {

    @Test
    void everyPassableField_isCopied() {
        TaskDefinition current = TaskDefinition.builder()
                .taskDefinitionArn("arn:aws:ecs:us-east-1:123456789012:task-definition/orders:7").family("orders")
                .revision(7).status(TaskDefinitionStatus.ACTIVE)
                .containerDefinitions(ContainerDefinition.builder().name("app").image("old").build())
                .taskRoleArn("task").executionRoleArn("exec").networkMode("awsvpc").cpu("256").memory("512")
                .pidMode("task").ipcMode("none")
                .volumes(v -> v.name("data").efsVolumeConfiguration(e -> e.fileSystemId("fs-1")))
                .placementConstraints(p -> p.type("memberOf").expression("attribute:ecs.os-type == linux"))
                .requiresCompatibilities(Compatibility.FARGATE).compatibilities(Compatibility.EC2, Compatibility.FARGATE)
                .proxyConfiguration(p -> p.containerName("envoy").type("APPMESH"))
                .ephemeralStorage(e -> e.sizeInGiB(30))
                .runtimePlatform(r -> r.cpuArchitecture("ARM64").operatingSystemFamily("LINUX"))
                .enableFaultInjection(true)
                .build();

        RegisterTaskDefinitionRequest next = TaskDefinitionRevision.withImage(current,
                List.of(Tag.builder().key("team").value("payments").build()), "app", "new@sha256:1");

        assertThat(next.containerDefinitions().get(0).image()).isEqualTo("new@sha256:1");
        assertThat(next.family()).isEqualTo("orders");
        assertThat(next.taskRoleArn()).isEqualTo("task");
        assertThat(next.executionRoleArn()).isEqualTo("exec");
        assertThat(next.networkModeAsString()).isEqualTo("awsvpc");
        assertThat(next.cpu()).isEqualTo("256");
        assertThat(next.memory()).isEqualTo("512");
        assertThat(next.pidModeAsString()).isEqualTo("task");
        assertThat(next.ipcModeAsString()).isEqualTo("none");
        assertThat(next.volumes()).isEqualTo(current.volumes());
        assertThat(next.placementConstraints()).isEqualTo(current.placementConstraints());
        assertThat(next.requiresCompatibilities()).containsExactly(Compatibility.FARGATE);
        assertThat(next.proxyConfiguration()).isEqualTo(current.proxyConfiguration());
        assertThat(next.ephemeralStorage().sizeInGiB()).isEqualTo(30);
        assertThat(next.runtimePlatform()).isEqualTo(current.runtimePlatform());
        assertThat(next.enableFaultInjection()).isTrue();
        assertThat(next.tags()).extracting(Tag::key).containsExactly("team");
    }

    @Test
    void absentListsAndTags_areNotSent() {
        TaskDefinition current = TaskDefinition.builder().family("orders").revision(1)
                .containerDefinitions(ContainerDefinition.builder().name("app").image("old").build()).build();

        RegisterTaskDefinitionRequest next = TaskDefinitionRevision.withImage(current, List.of(), "app", "new");

        assertThat(next.hasVolumes()).isFalse();
        assertThat(next.hasPlacementConstraints()).isFalse();
        assertThat(next.hasTags()).isFalse();
        assertThat(next.hasRequiresCompatibilities()).isFalse();
    }
}
