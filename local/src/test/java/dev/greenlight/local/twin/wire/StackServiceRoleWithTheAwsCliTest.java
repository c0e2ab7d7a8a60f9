package dev.greenlight.local.twin.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.local.aws.lambda.HandlerJar;
import dev.greenlight.local.gateway.AwsCli;
import dev.greenlight.local.testing.RequiredTool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stock AWS CLI hands CloudFormation a service role ({@code create-stack --role-arn}) on the
 * served twin: the stack's calls are the role's, so what the role may not do fails its resource with
 * AccessDenied and the stack rolls back; a role CloudFormation may not assume, or a function role
 * Lambda may not assume, is refused at the call with the service's error.
 */
class StackServiceRoleWithTheAwsCliTest {

    private static final String EXEC_ROLE = "arn:aws:iam::123456789012:role/cli-cfn-exec";
    private static final String TEMPLATE = "{\"Resources\":{"
            + "\"Logs\":{\"Type\":\"AWS::Logs::LogGroup\",\"Properties\":{\"LogGroupName\":\"/cli/orders\"}},"
            + "\"Alerts\":{\"Type\":\"AWS::SNS::Topic\",\"DependsOn\":\"Logs\",\"Properties\":{\"TopicName\":\"cli-alerts\"}}}}";

    @TempDir
    static Path dir;
    private static ServedTwin served;
    private static AwsCli aws;

    @BeforeAll
    static void serve() throws Exception {
        RequiredTool.assume(AwsCli.installed(), "the AWS CLI (aws) is not on PATH: the stack role CLI tests did not run");
        served = new ServedTwin();
        aws = new AwsCli(served.port());
        aws.run("iam", "create-role", "--role-name", "cli-cfn-exec", "--assume-role-policy-document",
                trust("cloudformation.amazonaws.com")).json();
        aws.run("iam", "put-role-policy", "--role-name", "cli-cfn-exec", "--policy-name", "logs-only",
                "--policy-document", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                        + "\"Action\":\"logs:*\",\"Resource\":\"*\"}]}").json();
        aws.run("iam", "create-role", "--role-name", "cli-lambda-only", "--assume-role-policy-document",
                trust("lambda.amazonaws.com")).json();
    }

    @AfterAll
    static void stop() {
        if (served != null) {
            served.close();
        }
    }

    @Test
    void createStackWithARoleArn_actsAsTheRole_soWhatItMayNotDoFailsItsResourceAndTheStackRollsBack() throws Exception {
        aws.run("cloudformation", "create-stack", "--stack-name", "cli-roles", "--template-body", TEMPLATE,
                "--role-arn", EXEC_ROLE).json();

        JsonNode stack = aws.run("cloudformation", "describe-stacks", "--stack-name", "cli-roles").json()
                .path("Stacks").path(0);
        assertThat(stack.path("StackStatus").asText()).isEqualTo("ROLLBACK_COMPLETE");
        assertThat(stack.path("RoleARN").asText()).isEqualTo(EXEC_ROLE);
        List<JsonNode> failed = new ArrayList<>();
        aws.run("cloudformation", "describe-stack-events", "--stack-name", "cli-roles").json().path("StackEvents")
                .forEach(e -> {
                    if (e.path("ResourceStatus").asText().equals("CREATE_FAILED")) {
                        failed.add(e);
                    }
                });
        assertThat(failed).singleElement().satisfies(e -> {
            assertThat(e.path("LogicalResourceId").asText()).isEqualTo("Alerts");
            assertThat(e.path("ResourceStatusReason").asText()).contains("User: arn:aws:sts::123456789012:"
                    + "assumed-role/cli-cfn-exec/AWSCloudFormation is not authorized to perform: sns:CreateTopic")
                    .contains("HandlerErrorCode: AccessDenied");
        });
        assertThat(aws.run("logs", "describe-log-groups", "--log-group-name-prefix", "/cli/").json()
                .path("logGroups")).isEmpty();
    }

    @Test
    void aRoleCloudFormationMayNotAssume_isRefusedAtCreateStack() throws Exception {
        AwsCli.Result refused = aws.run("cloudformation", "create-stack", "--stack-name", "cli-untrusted",
                "--template-body", TEMPLATE, "--role-arn", "arn:aws:iam::123456789012:role/cli-lambda-only");

        assertThat(refused.exit()).isNotZero();
        assertThat(refused.stderr()).contains("An error occurred (ValidationError) when calling the CreateStack "
                + "operation: Role arn:aws:iam::123456789012:role/cli-lambda-only is invalid or cannot be assumed");
    }

    @Test
    void aRoleLambdaMayNotAssume_isRefusedAtCreateFunction() throws Exception {
        AwsCli.Result refused = aws.run("lambda", "create-function", "--function-name", "cli-untrusted", "--runtime",
                "java21", "--handler", "Work::handleRequest", "--zip-file", "fileb://" + Files.write(dir.resolve("work.jar"), HandlerJar.build()), "--role",
                EXEC_ROLE);

        assertThat(refused.stderr()).contains("An error occurred (InvalidParameterValueException) when calling the "
                + "CreateFunction operation: The role defined for the function cannot be assumed by Lambda.");
    }

    private static String trust(String service) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\","
                + "\"Principal\":{\"Service\":\"" + service + "\"}}]}";
    }
}
