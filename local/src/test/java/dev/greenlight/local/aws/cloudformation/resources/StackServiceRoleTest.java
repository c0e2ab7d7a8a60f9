package dev.greenlight.local.aws.cloudformation.resources;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.local.aws.CallerCredentials;
import dev.greenlight.local.aws.iam.enforcement.EnforcedClient;
import dev.greenlight.local.aws.iam.policy.Principal;
import dev.greenlight.local.aws.cloudformation.StacksSettle;
import dev.greenlight.local.clock.VirtualClock;
import dev.greenlight.local.twin.LocalTwin;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.StackEvent;

/**
 * CloudFormation makes every call of a stack operation as the stack's service role (RoleARN), which
 * the stack keeps for later operations, or, with none, as the operation's caller ("CloudFormation
 * service role", CloudFormation User Guide). A call the identity may not make fails its resource
 * with the service's AccessDenied as the event's reason, and the operation rolls back as for any
 * failing resource, leaving nothing behind.
 */
class StackServiceRoleTest {

    private static final String EXEC_ROLE = "arn:aws:iam::123456789012:role/cfn-exec";
    private static final String EXEC_SESSION = "arn:aws:sts::123456789012:assumed-role/cfn-exec/AWSCloudFormation";
    private static final String DEPLOYER = "arn:aws:iam::123456789012:role/deployer";
    private static final String TEMPLATE = """
            Resources:
              Logs:
                Type: AWS::Logs::LogGroup
                Properties: {LogGroupName: /app/orders, RetentionInDays: 7}
              Alerts:
                Type: AWS::SNS::Topic
                DependsOn: Logs
                Properties: {TopicName: orders-alerts}
            """;

    private final VirtualClock clock = new VirtualClock();
    private final LocalTwin twin = LocalTwin.virtualTime(clock);
    /** Operations run on the clock; each call that starts one returns once it has ended. */
    private final CloudFormationClient cloudFormation = StacksSettle.after(clock, twin.cloudFormation());

    StackServiceRoleTest() {
        twin.iam().createRole(r -> r.roleName("cfn-exec").assumeRolePolicyDocument(trust(
                "{\"Service\":\"cloudformation.amazonaws.com\"}")));
        twin.iam().createRole(r -> r.roleName("deployer").assumeRolePolicyDocument(trust("{\"AWS\":\"123456789012\"}")));
    }

    @AfterEach
    void close() {
        twin.close();
    }

    @ParameterizedTest(name = "service role allowed {0}: {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # the exec role may                       | stack status      | failed resource | refused action
            logs:*,sns:*                               | CREATE_COMPLETE   | -               | -
            logs:*                                     | ROLLBACK_COMPLETE | Alerts          | sns:CreateTopic
            logs:*,sns:DeleteTopic                     | ROLLBACK_COMPLETE | Alerts          | sns:CreateTopic
            sns:*                                      | ROLLBACK_COMPLETE | Logs            | logs:CreateLogGroup
            logs:CreateLogGroup,logs:DeleteLogGroup,sns:* | ROLLBACK_COMPLETE | Logs         | logs:PutRetentionPolicy
            """)
    void withARoleArn_everyCallIsTheRoles_andARefusalFailsItsResourceAndRollsBack(String allowed, String status,
            String failedResource, String refusedAction) {
        allow("cfn-exec", allowed);

        cloudFormation.createStack(r -> r.stackName("orders").templateBody(TEMPLATE).roleARN(EXEC_ROLE));

        Stack stack = stack();
        assertThat(stack.stackStatusAsString()).isEqualTo(status);
        assertThat(stack.roleARN()).isEqualTo(EXEC_ROLE);
        if (failedResource != null) {
            assertThat(failed("CREATE_FAILED")).singleElement().satisfies(e -> {
                assertThat(e.logicalResourceId()).isEqualTo(failedResource);
                assertThat(e.resourceStatusReason()).startsWith("Resource handler returned message: \"User: "
                        + EXEC_SESSION + " is not authorized to perform: " + refusedAction + " on resource: ")
                        .endsWith(" because no identity-based policy allows the " + refusedAction
                                + " action\" (Status Code: 403, HandlerErrorCode: AccessDenied)");
            });
            assertThat(twin.logs().describeLogGroups(r -> { }).logGroups()).isEmpty();
            assertThat(twin.sns().listTopics(r -> { }).topics()).isEmpty();
        }
    }

    @Test
    void withoutARoleArn_theCallsAreTheCallers_soAnAssumedRoleLackingAPermissionRollsTheStackBack() {
        allow("deployer", "cloudformation:*,logs:*");

        asDeployer(cloudFormation -> cloudFormation.createStack(r -> r.stackName("orders").templateBody(TEMPLATE)));

        assertThat(stack().stackStatusAsString()).isEqualTo("ROLLBACK_COMPLETE");
        assertThat(stack().roleARN()).isNull();
        assertThat(failed("CREATE_FAILED")).singleElement().satisfies(e -> {
            assertThat(e.logicalResourceId()).isEqualTo("Alerts");
            assertThat(e.resourceStatusReason()).contains("User: arn:aws:sts::123456789012:assumed-role/deployer/release "
                    + "is not authorized to perform: sns:CreateTopic");
        });
        assertThat(twin.logs().describeLogGroups(r -> { }).logGroups()).isEmpty();
    }

    @Test
    void theStackKeepsItsRole_soALaterDeleteByACallerWhoMayOnlyCallCloudFormationIsTheRoles() {
        allow("cfn-exec", "logs:*,sns:*");
        allow("deployer", "cloudformation:*");
        cloudFormation.createStack(r -> r.stackName("orders").templateBody(TEMPLATE).roleARN(EXEC_ROLE));

        asDeployer(cloudFormation -> cloudFormation.deleteStack(r -> r.stackName("orders")));

        assertThat(cloudFormation.listStacks(r -> { }).stackSummaries().get(0).stackStatusAsString())
                .isEqualTo("DELETE_COMPLETE");
        assertThat(twin.logs().describeLogGroups(r -> { }).logGroups()).isEmpty();
        assertThat(twin.sns().listTopics(r -> { }).topics()).isEmpty();
    }

    @Test
    void aLaterOperationWithoutARoleArn_isTheStoredRoles_soWhatItMayNotDoFailsThere() {
        allow("cfn-exec", "logs:*,sns:*");
        cloudFormation.createStack(r -> r.stackName("orders").templateBody(TEMPLATE).roleARN(EXEC_ROLE));
        twin.iam().putRolePolicy(r -> r.roleName("cfn-exec").policyName("keep").policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":[\"sns:DeleteTopic\","
                        + "\"ssm:PutParameter\"],\"Resource\":\"*\"}]}"));

        cloudFormation.updateStack(r -> r.stackName("orders").templateBody(TEMPLATE + """
                  Version:
                    Type: AWS::SSM::Parameter
                    Properties: {Name: /app/version, Type: String, Value: '1'}
                """));

        assertThat(stack().stackStatusAsString()).isEqualTo("UPDATE_ROLLBACK_COMPLETE");
        assertThat(failed("CREATE_FAILED")).singleElement().satisfies(e -> assertThat(e.resourceStatusReason())
                .contains("User: " + EXEC_SESSION + " is not authorized to perform: ssm:PutParameter")
                .contains("with an explicit deny in an identity-based policy"));

        cloudFormation.deleteStack(r -> r.stackName("orders"));

        assertThat(stack().stackStatusAsString()).isEqualTo("DELETE_FAILED");
        assertThat(failed("DELETE_FAILED")).singleElement().satisfies(e -> {
            assertThat(e.logicalResourceId()).isEqualTo("Alerts");
            assertThat(e.resourceStatusReason()).contains("User: " + EXEC_SESSION
                    + " is not authorized to perform: sns:DeleteTopic");
        });
    }

    /** As the gateway serves a call signed with credentials of a session of {@code deployer}. */
    private void asDeployer(Consumer<CloudFormationClient> call) {
        String key = twin.sts().assumeRole(r -> r.roleArn(DEPLOYER).roleSessionName("release")).credentials()
                .accessKeyId();
        try (var signed = CallerCredentials.bind(key)) {
            call.accept(EnforcedClient.as(Principal.roleSession(DEPLOYER, "release"), CloudFormationClient.class,
                    cloudFormation, twin.iamEnforcement()));
        }
    }

    private void allow(String role, String actions) {
        String list = String.join(",", List.of(actions.split(",")).stream().map(a -> "\"" + a + "\"").toList());
        twin.iam().putRolePolicy(r -> r.roleName(role).policyName("allow").policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[" + list + "],"
                        + "\"Resource\":\"*\"}]}"));
    }

    private Stack stack() {
        return cloudFormation.describeStacks(r -> r.stackName("orders")).stacks().get(0);
    }

    private List<StackEvent> failed(String status) {
        return cloudFormation.describeStackEvents(r -> r.stackName("orders")).stackEvents().stream()
                .filter(e -> !e.resourceType().equals("AWS::CloudFormation::Stack"))
                .filter(e -> e.resourceStatusAsString().equals(status)).toList();
    }

    private static String trust(String principal) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\","
                + "\"Principal\":" + principal + "}]}";
    }
}
