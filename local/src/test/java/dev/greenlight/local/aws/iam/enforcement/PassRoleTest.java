package dev.greenlight.local.aws.iam.enforcement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.greenlight.local.clock.VirtualClock;
import dev.greenlight.local.twin.LocalTwin;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * A call that passes a role to a service is also authorized as iam:PassRole on that role, with
 * iam:PassedToService naming the service: ECS's task and execution roles, a Lambda function's role,
 * a state machine's, a deployment group's service role, a stack's RoleARN. A refusal is the called
 * service's AccessDenied, naming iam:PassRole and the role.
 */
class PassRoleTest {

    private static final String CALLER = "arn:aws:iam::123456789012:role/deployer";
    private static final String PASSED = "arn:aws:iam::123456789012:role/passed";
    private static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";

    private final VirtualClock clock = new VirtualClock();
    private final LocalTwin twin = LocalTwin.virtualTime(clock);
    private final List<AuthorizationCheck> checks = new CopyOnWriteArrayList<>();

    PassRoleTest() {
        twin.iam().createRole(r -> r.roleName("deployer").assumeRolePolicyDocument(TRUST));
        twin.iam().createRole(r -> r.roleName("passed").assumeRolePolicyDocument(TRUST));
        twin.iamEnforcement().onCheck(checks::add);
    }

    @AfterEach
    void close() {
        twin.close();
    }

    @ParameterizedTest(name = "{0} passing a role, PassRole granted on {1} to {2}: {3}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # call          | PassRole on                              | iam:PassedToService          | passes
            ecs             | *                                        | ecs-tasks.amazonaws.com      | true
            ecs             | arn:aws:iam::123456789012:role/passed    | -                            | true
            ecs             | arn:aws:iam::123456789012:role/other     | -                            | false
            ecs             | *                                        | lambda.amazonaws.com         | false
            ecs             | -                                        | -                            | false
            lambda          | *                                        | lambda.amazonaws.com         | true
            lambda          | *                                        | ecs-tasks.amazonaws.com      | false
            states          | *                                        | states.amazonaws.com         | true
            states          | -                                        | -                            | false
            codedeploy      | *                                        | codedeploy.amazonaws.com     | true
            codedeploy      | *                                        | states.amazonaws.com         | false
            cloudformation  | *                                        | cloudformation.amazonaws.com | true
            cloudformation  | -                                        | -                            | false
            """)
    void aPassedRole_isAuthorizedAsPassRoleToItsService(String call, String passRoleOn, String passedToService,
            boolean passes) {
        String condition = passedToService == null ? ""
                : ",\"Condition\":{\"StringEquals\":{\"iam:PassedToService\":\"" + passedToService + "\"}}";
        String passRole = passRoleOn == null ? ""
                : ",{\"Effect\":\"Allow\",\"Action\":\"iam:PassRole\",\"Resource\":\"" + passRoleOn + "\"" + condition + "}";
        twin.iam().putRolePolicy(r -> r.roleName("deployer").policyName("deploy").policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"" + call + ":*\","
                        + "\"Resource\":\"*\"}" + passRole + "]}"));

        Throwable thrown = catchThrowable(() -> call(call));

        List<AuthorizationCheck> passRoleChecks = checks.stream().filter(c -> c.action().equals("iam:PassRole")).toList();
        assertThat(passRoleChecks).extracting(AuthorizationCheck::resource).contains(PASSED);
        assertThat(passRoleChecks.stream().allMatch(c -> c.decision().allowed())).isEqualTo(passes);
        if (!passes) {
            assertThat(thrown).isInstanceOf(AwsServiceException.class);
            AwsServiceException denied = (AwsServiceException) thrown;
            assertThat(denied.statusCode()).isEqualTo(403);
            assertThat(denied.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:sts::123456789012:"
                    + "assumed-role/deployer/release is not authorized to perform: iam:PassRole on resource: " + PASSED
                    + " because no identity-based policy allows the iam:PassRole action");
        } else if (thrown instanceof AwsServiceException refused) {
            // The call may fail for what the twin lacks (a deployment group's application), never for the role.
            assertThat(refused.awsErrorDetails().errorMessage()).doesNotContain("iam:PassRole");
        }
    }

    private void call(String service) {
        switch (service) {
            case "ecs" -> as(EcsClient.class, twin.ecs()).registerTaskDefinition(r -> r.family("orders")
                    .taskRoleArn(PASSED).executionRoleArn("passed")
                    .containerDefinitions(c -> c.name("app").image("orders:1.0").memory(512)));
            case "lambda" -> as(LambdaClient.class, twin.lambda()).createFunction(r -> r.functionName("work")
                    .role(PASSED).runtime("java21").handler("Work::handleRequest")
                    .code(c -> c.zipFile(software.amazon.awssdk.core.SdkBytes.fromUtf8String("code"))));
            case "states" -> as(SfnClient.class, twin.stepFunctions()).createStateMachine(r -> r.name("release")
                    .roleArn(PASSED).definition("{\"StartAt\":\"Done\",\"States\":{\"Done\":{\"Type\":\"Pass\","
                            + "\"End\":true}}}"));
            case "codedeploy" -> as(CodeDeployClient.class, twin.codeDeploy()).createDeploymentGroup(r -> r
                    .applicationName("orders").deploymentGroupName("orders-dg").serviceRoleArn(PASSED));
            case "cloudformation" -> as(CloudFormationClient.class, twin.cloudFormation()).createStack(r -> r
                    .stackName("orders").roleARN(PASSED).templateBody("{\"Resources\":{}}"));
            default -> throw new IllegalArgumentException(service);
        }
    }

    private <C> C as(Class<C> type, C client) {
        return twin.clientAs(CALLER, "release", type, client);
    }
}
