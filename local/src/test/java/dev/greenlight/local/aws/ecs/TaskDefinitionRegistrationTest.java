package dev.greenlight.local.aws.ecs;

import static dev.greenlight.local.aws.ecs.EcsFixture.webDefinition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.EcsException;
import software.amazon.awssdk.services.ecs.model.LogDriver;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionStatus;

class TaskDefinitionRegistrationTest {

    private final EcsClient ecs = new EcsFixture().ecs;

    @Test
    void revisionsCountUpPerFamily() {
        TaskDefinition first = ecs.registerTaskDefinition(webDefinition("web:1").build()).taskDefinition();
        TaskDefinition second = ecs.registerTaskDefinition(webDefinition("web:2").build()).taskDefinition();
        TaskDefinition other = ecs.registerTaskDefinition(webDefinition("api:1").family("api").build())
                .taskDefinition();

        assertThat(first.revision()).isEqualTo(1);
        assertThat(second.revision()).isEqualTo(2);
        assertThat(other.revision()).isEqualTo(1);
        assertThat(second.taskDefinitionArn()).isEqualTo("arn:aws:ecs:us-east-1:123456789012:task-definition/web:2");
        assertThat(second.status()).isEqualTo(TaskDefinitionStatus.ACTIVE);
        assertThat(second.compatibilities()).containsExactly(Compatibility.EC2, Compatibility.FARGATE);
        assertThat(second.containerDefinitions().get(0).portMappings().get(0).hostPort()).isEqualTo(8080);
    }

    @Test
    void describesByFamilyRevisionAndArn_familyMeansLatestActive() {
        ecs.registerTaskDefinition(webDefinition("web:1").build());
        String second = ecs.registerTaskDefinition(webDefinition("web:2").build()).taskDefinition()
                .taskDefinitionArn();

        assertThat(image(ecs.describeTaskDefinition(b -> b.taskDefinition("web")).taskDefinition())).isEqualTo("web:2");
        assertThat(image(ecs.describeTaskDefinition(b -> b.taskDefinition("web:1")).taskDefinition()))
                .isEqualTo("web:1");
        assertThat(image(ecs.describeTaskDefinition(b -> b.taskDefinition(second)).taskDefinition()))
                .isEqualTo("web:2");

        ecs.deregisterTaskDefinition(b -> b.taskDefinition("web:2"));

        assertThat(ecs.describeTaskDefinition(b -> b.taskDefinition("web")).taskDefinition().revision()).isEqualTo(1);
        assertThat(ecs.describeTaskDefinition(b -> b.taskDefinition(second)).taskDefinition().status())
                .isEqualTo(TaskDefinitionStatus.INACTIVE);
        assertThat(ecs.listTaskDefinitions(b -> b.familyPrefix("web")).taskDefinitionArns())
                .containsExactly("arn:aws:ecs:us-east-1:123456789012:task-definition/web:1");
        assertThat(ecs.listTaskDefinitions(b -> b.status(TaskDefinitionStatus.INACTIVE)).taskDefinitionArns())
                .containsExactly(second);
    }

    @Test
    void unknownTaskDefinitionIsAClientError() {
        ecs.registerTaskDefinition(webDefinition("web:1").build());

        for (String reference : new String[] {"nope", "web:7", "arn:aws:ecs:us-east-1:123456789012:task-definition/x:1"}) {
            assertThatThrownBy(() -> ecs.describeTaskDefinition(b -> b.taskDefinition(reference)))
                    .isInstanceOf(ClientException.class)
                    .satisfies(error -> assertCode(error, "ClientException", "Unable to describe task definition."));
        }
    }

    @ParameterizedTest(name = "cpu {0}, memory {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        "256  | 512   | true",
        "256  | 2048  | true",
        "256  | 4096  | false",
        "512  | 512   | false",
        "512  | 3072  | true",
        "1 vCPU | 2 GB | true",
        "1024 | 9216  | false",
        "4096 | 30720 | true",
        "8192 | 20480 | true",
        "8192 | 18432 | false",
        "300  | 512   | false",
    })
    void fargateTakesOnlyItsOfferedSizes(String cpu, String memory, boolean offered) {
        var request = webDefinition("web:1").cpu(cpu).memory(memory).build();
        if (offered) {
            assertThat(ecs.registerTaskDefinition(request).taskDefinition().revision()).isEqualTo(1);
        } else {
            assertThatThrownBy(() -> ecs.registerTaskDefinition(request))
                    .isInstanceOf(ClientException.class)
                    .hasMessageStartingWith("No Fargate configuration exists for given values: " + cpu + " CPU, "
                            + memory + " memory.");
            assertThat(ecs.listTaskDefinitions(b -> b.familyPrefix("web")).taskDefinitionArns()).isEmpty();
        }
    }

    @Test
    void sizesInVcpuAndGbAreStoredAsUnits() {
        TaskDefinition definition = ecs.registerTaskDefinition(webDefinition("web:1").cpu("1 vCPU").memory("2 GB")
                .build()).taskDefinition();

        assertThat(definition.cpu()).isEqualTo("1024");
        assertThat(definition.memory()).isEqualTo("2048");
    }

    @Test
    void fargateRulesAreWordedAsAwsWordsThem() {
        assertThatThrownBy(() -> ecs.registerTaskDefinition(webDefinition("web:1").networkMode(NetworkMode.BRIDGE)
                .build())).hasMessageStartingWith("Fargate only supports network mode \u2018awsvpc\u2019.");
        assertThatThrownBy(() -> ecs.registerTaskDefinition(webDefinition("web:1").cpu(null).build()))
                .hasMessageStartingWith("Fargate requires that 'cpu' be defined at the task level.");
        assertThatThrownBy(() -> ecs.registerTaskDefinition(webDefinition("web:1").executionRoleArn(null)
                .containerDefinitions(c -> c.name("app").image("web:1")
                        .logConfiguration(l -> l.logDriver(LogDriver.AWSLOGS)))
                .build())).hasMessageStartingWith(
                        "Fargate requires task definition to have execution role ARN to support log driver awslogs.");
        assertThatThrownBy(() -> ecs.registerTaskDefinition(webDefinition("web:1")
                .containerDefinitions(c -> c.name("app").image("web:1").essential(false)).build()))
                .isInstanceOf(ClientException.class);
    }

    private static String image(TaskDefinition definition) {
        return definition.containerDefinitions().get(0).image();
    }

    static void assertCode(Throwable error, String code, String message) {
        EcsException ecsError = (EcsException) error;
        assertThat(ecsError.awsErrorDetails().errorCode()).isEqualTo(code);
        assertThat(ecsError.awsErrorDetails().errorMessage()).isEqualTo(message);
        assertThat(ecsError.statusCode()).isEqualTo(400);
    }
}
