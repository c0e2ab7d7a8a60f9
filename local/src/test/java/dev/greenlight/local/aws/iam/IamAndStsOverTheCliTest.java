package dev.greenlight.local.aws.iam;

import dev.greenlight.local.testing.RequiredTool;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.local.aws.sts.StsTwin;
import dev.greenlight.local.clock.VirtualClock;
import dev.greenlight.local.gateway.AwsCli;
import dev.greenlight.local.gateway.WireGateway;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;

/** The stock AWS CLI against the IAM and STS twins over awsQuery, as the seed workflow runs it. */
class IamAndStsOverTheCliTest {

    private static final String TRUSTS_ACCOUNT =
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                    + "\"Principal\":{\"AWS\":\"arn:aws:iam::123456789012:root\"},\"Action\":\"sts:AssumeRole\"}]}";

    private final VirtualClock clock = new VirtualClock();
    private final IamTwin iam = new IamTwin(clock, new SplittableRandom(1));
    private final WireGateway gateway = WireGateway.builder().register(IamClient.class, iam)
            .register(StsClient.class, new StsTwin(clock, iam, new SplittableRandom(2))).start(0);
    private final AwsCli aws = new AwsCli(gateway.port());

    @BeforeAll
    static void needsTheCli() {
        RequiredTool.assume(AwsCli.installed(), "the AWS CLI (aws) is not on PATH: the CLI tests are skipped");
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void createRoleAttachAndReadBackAsTheCliPrintsThem() throws Exception {
        JsonNode created = aws.run("iam", "create-role", "--role-name", "ecsTaskExecutionRole",
                "--assume-role-policy-document", TRUSTS_ACCOUNT).json();
        aws.run("iam", "attach-role-policy", "--role-name", "ecsTaskExecutionRole", "--policy-arn",
                "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy").json();
        aws.run("iam", "put-role-policy", "--role-name", "ecsTaskExecutionRole", "--policy-name", "logs",
                "--policy-document", "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"logs:*\",\"Resource\":\"*\"}]}");

        assertThat(created.at("/Role/Arn").asText()).isEqualTo("arn:aws:iam::123456789012:role/ecsTaskExecutionRole");
        // The CLI decodes IAM's URL-encoded documents back into JSON.
        assertThat(created.at("/Role/AssumeRolePolicyDocument/Statement/0/Action").asText()).isEqualTo("sts:AssumeRole");
        assertThat(aws.run("iam", "list-attached-role-policies", "--role-name", "ecsTaskExecutionRole").json()
                .at("/AttachedPolicies/0/PolicyName").asText()).isEqualTo("AmazonECSTaskExecutionRolePolicy");
        assertThat(aws.run("iam", "get-role-policy", "--role-name", "ecsTaskExecutionRole", "--policy-name", "logs")
                .json().at("/PolicyDocument/Statement/0/Action").asText()).isEqualTo("logs:*");
        assertThat(aws.run("iam", "list-roles").json().at("/Roles/0/RoleName").asText())
                .isEqualTo("ecsTaskExecutionRole");
        assertThat(aws.run("iam", "get-policy-version", "--policy-arn",
                "arn:aws:iam::aws:policy/AWSCodeDeployRoleForECS", "--version-id", "v3").json()
                .at("/PolicyVersion/Document/Statement/1/Action/0").asText()).isEqualTo("iam:PassRole");
    }

    @Test
    void refusalsNameIamsErrorCodes() throws Exception {
        aws.run("iam", "create-role", "--role-name", "r", "--assume-role-policy-document", TRUSTS_ACCOUNT).json();
        aws.run("iam", "put-role-policy", "--role-name", "r", "--policy-name", "p", "--policy-document",
                "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}").json();

        assertThat(aws.run("iam", "create-role", "--role-name", "r", "--assume-role-policy-document", TRUSTS_ACCOUNT)
                .stderr()).contains("(EntityAlreadyExists)");
        assertThat(aws.run("iam", "get-role", "--role-name", "nobody").stderr()).contains("(NoSuchEntity)")
                .contains("The role with name nobody cannot be found.");
        assertThat(aws.run("iam", "delete-role", "--role-name", "r").stderr()).contains("(DeleteConflict)");
        assertThat(aws.run("iam", "create-role", "--role-name", "bad", "--assume-role-policy-document", "{nope")
                .stderr()).contains("(MalformedPolicyDocument)");
    }

    @Test
    void assumeRoleCredentialsMakeTheCliActAsTheRoleSession() throws Exception {
        assertThat(aws.run("sts", "get-caller-identity").json().get("Arn").asText())
                .isEqualTo("arn:aws:iam::123456789012:root");
        aws.run("iam", "create-role", "--role-name", "deployer", "--assume-role-policy-document", TRUSTS_ACCOUNT).json();

        JsonNode credentials = aws.run("sts", "assume-role", "--role-arn", "arn:aws:iam::123456789012:role/deployer",
                "--role-session-name", "rehearsal").json().get("Credentials");
        JsonNode identity = aws.run(Map.of("AWS_ACCESS_KEY_ID", credentials.get("AccessKeyId").asText(),
                "AWS_SECRET_ACCESS_KEY", credentials.get("SecretAccessKey").asText(),
                "AWS_SESSION_TOKEN", credentials.get("SessionToken").asText()), "sts", "get-caller-identity").json();

        assertThat(identity.get("Arn").asText()).isEqualTo("arn:aws:sts::123456789012:assumed-role/deployer/rehearsal");
        assertThat(aws.run("sts", "assume-role", "--role-arn", "arn:aws:iam::123456789012:role/ghost",
                "--role-session-name", "xy").stderr()).contains("(AccessDenied)");
    }
}
