package dev.greenlight.local.twin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.greenlight.local.asl.Json;
import dev.greenlight.local.clock.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.codedeploy.model.DeploymentInfo;
import software.amazon.awssdk.services.codedeploy.model.DeploymentStatus;
import software.amazon.awssdk.services.codedeploy.model.LifecycleEventStatus;

/**
 * CodeDeploy calls ECS, the load balancer, the hook's Lambda function and CloudWatch as its deployment
 * group's service role. The demo service's role has AWS's managed AWSCodeDeployRoleForECS, with which a
 * deployment with a hook succeeds; the same actions but one, as an inline policy, make it fail where
 * CodeDeploy first needs the missing one: IAM_ROLE_PERMISSIONS naming the service, or, for the alarms,
 * the poll failure that stops it (ignorePollAlarmFailure is false).
 */
class CodeDeployServiceRoleTest {

    private static final String MANAGED = "arn:aws:iam::aws:policy/AWSCodeDeployRoleForECS";
    /** AWSCodeDeployRoleForECS's actions (v3, the twin's copy of the AWS managed policy). */
    private static final List<String> ACTIONS = List.of("ecs:DescribeServices", "ecs:CreateTaskSet",
            "ecs:UpdateServicePrimaryTaskSet", "ecs:DeleteTaskSet", "elasticloadbalancing:DescribeTargetGroups",
            "elasticloadbalancing:DescribeListeners", "elasticloadbalancing:ModifyListener",
            "elasticloadbalancing:DescribeRules", "elasticloadbalancing:ModifyRule", "lambda:InvokeFunction",
            "cloudwatch:DescribeAlarms", "sns:Publish", "s3:GetObject", "s3:GetObjectVersion");

    private final VirtualClock clock = new VirtualClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final LocalTwin twin = LocalTwin.virtualTime(clock);
    private final DemoService orders = DemoService.provision(twin, DemoService.Settings.defaults("orders"));

    CodeDeployServiceRoleTest() {
        twin.lambda().register("CodeDeployHook_smoke", event -> {
            twin.codeDeploy().putLifecycleEventHookExecutionStatus(r -> r
                    .deploymentId(event.path("DeploymentId").asText())
                    .lifecycleEventHookExecutionId(event.path("LifecycleEventHookExecutionId").asText())
                    .status(LifecycleEventStatus.SUCCEEDED));
            return Json.NODES.objectNode();
        });
        clock.advance(Duration.ofMinutes(2));
    }

    @AfterEach
    void close() {
        twin.close();
    }

    @ParameterizedTest(name = "without {0}: {1} {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # action removed                          | status    | error code           | the message names
            -                                         | SUCCEEDED | -                    | -
            ecs:DescribeServices                      | FAILED    | IAM_ROLE_PERMISSIONS | AmazonECS
            ecs:CreateTaskSet                         | FAILED    | IAM_ROLE_PERMISSIONS | AmazonECS
            elasticloadbalancing:DescribeTargetGroups | FAILED    | IAM_ROLE_PERMISSIONS | AmazonElasticLoadBalancing
            elasticloadbalancing:ModifyListener       | FAILED    | IAM_ROLE_PERMISSIONS | AmazonElasticLoadBalancing
            ecs:UpdateServicePrimaryTaskSet           | FAILED    | IAM_ROLE_PERMISSIONS | AmazonECS
            ecs:DeleteTaskSet                         | FAILED    | IAM_ROLE_PERMISSIONS | AmazonECS
            lambda:InvokeFunction                     | FAILED    | IAM_ROLE_PERMISSIONS | AWSLambda
            cloudwatch:DescribeAlarms                 | STOPPED   | ALARM_ACTIVE         | could not be retrieved
            """)
    void aDeploymentDoesWhatItsServiceRoleAllows(String removed, DeploymentStatus status, String code,
            String named) {
        if (removed != null) {
            ObjectNode policy = Json.NODES.objectNode().put("Version", "2012-10-17");
            ArrayNode actions = policy.putArray("Statement").addObject().put("Effect", "Allow").put("Resource", "*")
                    .putArray("Action");
            ACTIONS.stream().filter(action -> !action.equals(removed)).forEach(actions::add);
            twin.iam().detachRolePolicy(r -> r.roleName("codedeploy").policyArn(MANAGED));
            twin.iam().putRolePolicy(r -> r.roleName("codedeploy").policyName("ecs")
                    .policyDocument(policy.toString()));
        }
        String image = DemoService.push(twin, "orders", "2.0", "healthy");
        String deployment = orders.deploy(twin, DemoService.registerTaskDefinition(twin, "orders", image),
                "AfterAllowTestTraffic", "CodeDeployHook_smoke");

        DeploymentInfo done = runUntilDone(deployment);

        assertThat(done.status()).isEqualTo(status);
        if (code != null) {
            assertThat(done.errorInformation().codeAsString()).isEqualTo(code);
            assertThat(done.errorInformation().message()).contains(named, "role/codedeploy/CodeDeploy",
                    "is not authorized to perform: " + removed);
        }
    }

    private DeploymentInfo runUntilDone(String deploymentId) {
        for (int minute = 0; minute < 120; minute++) {
            DeploymentInfo info = twin.codeDeploy().getDeployment(r -> r.deploymentId(deploymentId)).deploymentInfo();
            if (info.status() == DeploymentStatus.SUCCEEDED || info.status() == DeploymentStatus.FAILED
                    || info.status() == DeploymentStatus.STOPPED) {
                return info;
            }
            clock.advance(Duration.ofSeconds(30));
        }
        throw new AssertionError("deployment " + deploymentId + " did not end within an hour");
    }
}
