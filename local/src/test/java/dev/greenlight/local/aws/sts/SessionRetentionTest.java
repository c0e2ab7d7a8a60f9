package dev.greenlight.local.aws.sts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.local.aws.CallerCredentials;
import dev.greenlight.local.aws.iam.IamTwin;
import dev.greenlight.local.clock.VirtualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * STS keeps a session only while it is valid (AssumeRole: DurationSeconds 900 to 43200), so a twin left running
 * for days holds the sessions of the last 12 hours at most; credentials whose session it has forgotten are still
 * refused with ExpiredToken, as AWS refuses expired credentials, and never pass for the account root.
 */
class SessionRetentionTest {

    private static final String ROLE = "arn:aws:iam::123456789012:role/deployer";
    private static final String TRUSTS_ACCOUNT = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
             "Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"sts:AssumeRole"}]}""";

    private final VirtualClock clock = new VirtualClock();
    private final IamTwin iam = new IamTwin(clock, new SplittableRandom(1));
    private final StsTwin sts = new StsTwin(clock, iam, new SplittableRandom(2));

    SessionRetentionTest() {
        iam.createRole(r -> r.roleName("deployer").assumeRolePolicyDocument(TRUSTS_ACCOUNT).maxSessionDuration(43200));
    }

    private String assume(int seconds) {
        return sts.assumeRole(r -> r.roleArn(ROLE).roleSessionName("s1").durationSeconds(seconds))
                .credentials().accessKeyId();
    }

    private String callerArn(String accessKeyId) {
        try (CallerCredentials.Scope signed = CallerCredentials.bind(accessKeyId)) {
            return sts.getCallerIdentity(r -> { }).arn();
        }
    }

    @Test
    void aDayOfSessions_keepsOnlyThoseStillValid() {
        List<String> keys = new ArrayList<>();
        for (int minute = 0; minute < 24 * 60; minute++) {
            keys.add(assume(900));
            clock.advance(Duration.ofMinutes(1));
        }

        assertThat(sts.kept()).isEqualTo(15);
        assertThat(sts.issued(keys.get(0))).isEmpty();
        assertThat(callerArn(keys.get(keys.size() - 1))).isEqualTo("arn:aws:sts::123456789012:assumed-role/deployer/s1");
    }

    @Test
    void beforeItsExpiration_aSessionIsKeptAndActsAsTheRole() {
        String key = assume(43200);
        clock.advance(Duration.ofHours(12).minusSeconds(1));
        assume(900);

        assertThat(sts.issued(key)).isPresent();
        assertThat(sts.forgotten(key)).isFalse();
        assertThat(callerArn(key)).isEqualTo("arn:aws:sts::123456789012:assumed-role/deployer/s1");
    }

    @Test
    void afterItsExpiration_aForgottenSessionsKeyIsExpiredToken() {
        String key = assume(900);
        clock.advance(Duration.ofMinutes(15));
        assume(900);

        assertThat(sts.issued(key)).isEmpty();
        assertThat(sts.forgotten(key)).isTrue();
        assertThatThrownBy(() -> callerArn(key)).isInstanceOfSatisfying(StsException.class,
                e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ExpiredToken"));
    }

    /** Keys STS did not issue (a developer's own AWS credentials, say) still act as the account. */
    @Test
    void keysNotIssuedHere_areNotTakenForForgottenSessions() {
        String issued = assume(900);
        String altered = issued.substring(0, 19) + (issued.charAt(19) == 'A' ? 'B' : 'A');

        for (String key : List.of("ASIAIOSFODNN7EXAMPLE", "AKIAIOSFODNN7EXAMPLE", altered, "test")) {
            assertThat(sts.forgotten(key)).as(key).isFalse();
            assertThat(callerArn(key)).as(key).isEqualTo("arn:aws:iam::123456789012:root");
        }
    }
}
