package dev.greenlight.local.aws.sts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.local.aws.CallerCredentials;
import dev.greenlight.local.aws.iam.IamTwin;
import dev.greenlight.local.clock.VirtualClock;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.StsException;

class StsTwinTest {

    private static final String TRUSTS_ACCOUNT = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
             "Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"sts:AssumeRole"}]}""";
    private static final String TRUSTS_ECS_TASKS = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
             "Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";

    private final VirtualClock clock = new VirtualClock();
    private final IamTwin iam = new IamTwin(clock, new SplittableRandom(1));
    private final StsTwin twin = new StsTwin(clock, iam, new SplittableRandom(2));
    private final StsClient sts = twin;

    @Test
    void theDefaultCredentialsAreTheAccountRoot() {
        GetCallerIdentityResponse identity = sts.getCallerIdentity(r -> { });

        assertThat(identity.account()).isEqualTo("123456789012");
        assertThat(identity.arn()).isEqualTo("arn:aws:iam::123456789012:root");
        assertThat(identity.userId()).isEqualTo("123456789012");
    }

    @Test
    void assumingATrustingRoleGivesCredentialsThatActAsTheRoleSession() {
        String roleId = iam.createRole(r -> r.roleName("deployer").assumeRolePolicyDocument(TRUSTS_ACCOUNT)).role().roleId();

        AssumeRoleResponse assumed = sts.assumeRole(r -> r.roleArn("arn:aws:iam::123456789012:role/deployer")
                .roleSessionName("release-42").durationSeconds(900));

        assertThat(assumed.credentials().accessKeyId()).startsWith("ASIA").hasSize(20);
        assertThat(assumed.credentials().secretAccessKey()).hasSize(40);
        assertThat(assumed.credentials().expiration()).isEqualTo(clock.now().plus(Duration.ofMinutes(15)));
        assertThat(assumed.assumedRoleUser().arn())
                .isEqualTo("arn:aws:sts::123456789012:assumed-role/deployer/release-42");
        assertThat(assumed.assumedRoleUser().assumedRoleId()).isEqualTo(roleId + ":release-42");
        try (CallerCredentials.Scope signed = CallerCredentials.bind(assumed.credentials().accessKeyId())) {
            assertThat(sts.getCallerIdentity(r -> { }).arn()).isEqualTo(assumed.assumedRoleUser().arn());
            assertThat(sts.getCallerIdentity(r -> { }).userId()).isEqualTo(roleId + ":release-42");
        }
    }

    @Test
    void credentialsPastTheirExpirationAreRefused() {
        iam.createRole(r -> r.roleName("deployer").assumeRolePolicyDocument(TRUSTS_ACCOUNT));
        String key = sts.assumeRole(r -> r.roleArn("arn:aws:iam::123456789012:role/deployer").roleSessionName("s1")
                .durationSeconds(900)).credentials().accessKeyId();

        clock.advance(Duration.ofMinutes(15));

        try (CallerCredentials.Scope signed = CallerCredentials.bind(key)) {
            assertThatThrownBy(() -> sts.getCallerIdentity(r -> { }))
                    .isInstanceOfSatisfying(StsException.class,
                            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ExpiredToken"));
        }
        assertThat(twin.issued(key)).hasValueSatisfying(session -> assertThat(session.expiration()).isEqualTo(clock.now()));
    }

    @Test
    void aRoleWhoseTrustPolicyDoesNotNameTheCallerIsAccessDenied() {
        iam.createRole(r -> r.roleName("taskRole").assumeRolePolicyDocument(TRUSTS_ECS_TASKS));

        assertThatThrownBy(() -> sts.assumeRole(r -> r.roleArn("arn:aws:iam::123456789012:role/taskRole")
                .roleSessionName("me")))
                .isInstanceOfSatisfying(StsException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(403);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:iam::123456789012:root is "
                            + "not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::123456789012:role/taskRole");
                });
    }

    @Test
    void aRoleThatDoesNotExistIsAccessDeniedAsInAws() {
        assertThatThrownBy(() -> sts.assumeRole(r -> r.roleArn("arn:aws:iam::123456789012:role/ghost")
                .roleSessionName("me")))
                .isInstanceOfSatisfying(StsException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied"));
    }

    @Test
    void sessionNamesAndDurationsOutsideTheirLimitsAreValidationErrors() {
        iam.createRole(r -> r.roleName("deployer").assumeRolePolicyDocument(TRUSTS_ACCOUNT));
        String arn = "arn:aws:iam::123456789012:role/deployer";

        assertThatThrownBy(() -> sts.assumeRole(r -> r.roleArn(arn).roleSessionName("a b")))
                .isInstanceOfSatisfying(StsException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError"));
        assertThatThrownBy(() -> sts.assumeRole(r -> r.roleArn(arn).roleSessionName("ok").durationSeconds(600)))
                .isInstanceOfSatisfying(StsException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError"));
        assertThatThrownBy(() -> sts.assumeRole(r -> r.roleArn(arn).roleSessionName("ok").durationSeconds(7200)))
                .isInstanceOfSatisfying(StsException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("The requested DurationSeconds exceeds the MaxSessionDuration set for this role."));
    }

    @Test
    void aSessionMayAssumeARoleThatTrustsItsRoleButOnlyForAnHour() {
        iam.createRole(r -> r.roleName("first").assumeRolePolicyDocument(TRUSTS_ACCOUNT).maxSessionDuration(43200));
        iam.createRole(r -> r.roleName("second").maxSessionDuration(43200).assumeRolePolicyDocument("""
                {"Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:role/first"},
                 "Action":"sts:AssumeRole"}]}"""));
        String key = sts.assumeRole(r -> r.roleArn("arn:aws:iam::123456789012:role/first").roleSessionName("one"))
                .credentials().accessKeyId();

        try (CallerCredentials.Scope signed = CallerCredentials.bind(key)) {
            assertThat(sts.assumeRole(r -> r.roleArn("arn:aws:iam::123456789012:role/second").roleSessionName("two"))
                    .assumedRoleUser().arn()).isEqualTo("arn:aws:sts::123456789012:assumed-role/second/two");
            assertThatThrownBy(() -> sts.assumeRole(r -> r.roleArn("arn:aws:iam::123456789012:role/second")
                    .roleSessionName("two").durationSeconds(7200)))
                    .isInstanceOfSatisfying(StsException.class,
                            e -> assertThat(e.awsErrorDetails().errorMessage()).contains("role chaining"));
        }
    }

    @Test
    void anExplicitDenyInTheTrustPolicyWins() {
        iam.createRole(r -> r.roleName("guarded").assumeRolePolicyDocument("""
                {"Statement":[{"Effect":"Allow","Principal":{"AWS":"123456789012"},"Action":"sts:*"},
                 {"Effect":"Deny","Principal":"*","Action":"sts:AssumeRole"}]}"""));

        assertThatThrownBy(() -> sts.assumeRole(r -> r.roleArn("arn:aws:iam::123456789012:role/guarded")
                .roleSessionName("me"))).isInstanceOf(StsException.class);
    }
}
