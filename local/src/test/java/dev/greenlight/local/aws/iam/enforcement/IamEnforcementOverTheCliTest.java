package dev.greenlight.local.aws.iam.enforcement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.local.clock.VirtualClock;
import dev.greenlight.local.gateway.AwsCli;
import dev.greenlight.local.gateway.WireGateway;
import dev.greenlight.local.testing.RequiredTool;
import dev.greenlight.local.twin.LocalTwin;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The stock AWS CLI with {@code aws sts assume-role} credentials: what the role allows is served,
 * anything else is refused in each protocol's shape with the service's code and AWS's wording.
 */
class IamEnforcementOverTheCliTest {

    private static final String SESSION = "arn:aws:sts::123456789012:assumed-role/deployer/rehearsal";
    private static final String TRUSTS_ACCOUNT = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"AWS\":\"arn:aws:iam::123456789012:root\"},\"Action\":\"sts:AssumeRole\"}]}";
    private static final String POLICY = """
            {"Version":"2012-10-17","Statement":[
             {"Effect":"Allow","Action":"sns:Publish","Resource":"arn:aws:sns:us-east-1:123456789012:*"},
             {"Effect":"Deny","Action":"sns:Publish","Resource":"arn:aws:sns:us-east-1:123456789012:secret"},
             {"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::artifacts/*"}]}""";

    private final VirtualClock clock = new VirtualClock();
    private final LocalTwin twin = LocalTwin.virtualTime(clock);
    private final WireGateway gateway = twin.serve(0);
    private final AwsCli aws = new AwsCli(gateway.port());

    @BeforeAll
    static void needsTheCli() {
        RequiredTool.assume(AwsCli.installed(), "the AWS CLI (aws) is not on PATH: the CLI tests are skipped");
    }

    @AfterEach
    void stop() {
        gateway.close();
        twin.close();
    }

    @Test
    void assumedRoleCredentials_areServedWhatTheRoleAllowsAndRefusedTheRest() throws Exception {
        aws.run("iam", "create-role", "--role-name", "deployer", "--assume-role-policy-document", TRUSTS_ACCOUNT).json();
        aws.run("iam", "put-role-policy", "--role-name", "deployer", "--policy-name", "release", "--policy-document",
                POLICY);
        aws.run("sns", "create-topic", "--name", "releases").json();
        aws.run("sns", "create-topic", "--name", "secret").json();
        aws.run("s3api", "create-bucket", "--bucket", "artifacts").json();
        aws.run("s3api", "put-object", "--bucket", "artifacts", "--key", "app/v1.txt").json();
        Map<String, String> role = assumeRole();

        assertThat(aws.run(role, "sns", "publish", "--topic-arn", "arn:aws:sns:us-east-1:123456789012:releases",
                "--message", "v1").json().get("MessageId").asText()).isNotEmpty();
        assertThat(aws.run(role, "s3api", "get-object", "--bucket", "artifacts", "--key", "app/v1.txt",
                System.getProperty("java.io.tmpdir") + "/iam-enforcement-object").exit()).isZero();
        assertThat(aws.run(role, "sts", "get-caller-identity").json().get("Arn").asText()).isEqualTo(SESSION);

        assertThat(aws.run(role, "sns", "publish", "--topic-arn", "arn:aws:sns:us-east-1:123456789012:secret",
                "--message", "v1").stderr()).contains("(AuthorizationError)").contains("User: " + SESSION
                + " is not authorized to perform: sns:Publish on resource: arn:aws:sns:us-east-1:123456789012:secret"
                + " with an explicit deny in an identity-based policy");
        assertThat(aws.run(role, "s3api", "list-objects-v2", "--bucket", "artifacts").stderr())
                .contains("(AccessDenied)").contains("User: " + SESSION + " is not authorized to perform: s3:ListBucket"
                        + " on resource: arn:aws:s3:::artifacts because no identity-based policy allows the"
                        + " s3:ListBucket action");
        assertThat(aws.run(role, "lambda", "list-functions").stderr()).contains("(AccessDeniedException)")
                .contains("lambda:ListFunctions on resource: * because");
        assertThat(aws.run(role, "cloudwatch", "describe-alarms").stderr()).contains("(AccessDenied)");
        assertThat(aws.run(role, "iam", "list-roles").stderr()).contains("(AccessDenied)");
        assertThat(aws.run(role, "ec2", "describe-vpcs").stderr()).contains("(UnauthorizedOperation)");
        assertThat(aws.run("lambda", "list-functions").exit()).as("the default credentials act as the account root")
                .isZero();
    }

    /** An hour on, the default duration's credentials have expired: every service refuses them before any policy. */
    @ParameterizedTest(name = "aws {0} {1}: {2}")
    @CsvSource({
            "lambda, list-functions, ExpiredTokenException, The security token included in the request is expired",
            "ecs, list-clusters, ExpiredTokenException, The security token included in the request is expired",
            "sns, list-topics, ExpiredToken, The security token included in the request is expired",
            "cloudwatch, describe-alarms, ExpiredToken, The security token included in the request is expired",
            "sts, get-caller-identity, ExpiredToken, The security token included in the request is expired",
            "s3api, list-buckets, ExpiredToken, The provided token has expired.",
            "ec2, describe-vpcs, RequestExpired, Request has expired."})
    void expiredCredentials_areRefusedByEveryService(String service, String command, String code, String message)
            throws Exception {
        aws.run("iam", "create-role", "--role-name", "deployer", "--assume-role-policy-document", TRUSTS_ACCOUNT).json();
        aws.run("iam", "attach-role-policy", "--role-name", "deployer", "--policy-arn",
                "arn:aws:iam::aws:policy/AdministratorAccess");
        Map<String, String> role = assumeRole();
        assertThat(aws.run(role, service, command).exit()).as("served while the credentials are fresh").isZero();

        clock.advance(Duration.ofHours(1));

        assertThat(aws.run(role, service, command).stderr()).contains("(" + code + ")").contains(message);
    }

    private Map<String, String> assumeRole() throws Exception {
        JsonNode credentials = aws.run("sts", "assume-role", "--role-arn", "arn:aws:iam::123456789012:role/deployer",
                "--role-session-name", "rehearsal").json().get("Credentials");
        return Map.of("AWS_ACCESS_KEY_ID", credentials.get("AccessKeyId").asText(),
                "AWS_SECRET_ACCESS_KEY", credentials.get("SecretAccessKey").asText(),
                "AWS_SESSION_TOKEN", credentials.get("SessionToken").asText());
    }
}
