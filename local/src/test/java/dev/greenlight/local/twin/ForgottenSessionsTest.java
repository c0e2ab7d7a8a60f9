package dev.greenlight.local.twin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.greenlight.local.clock.VirtualClock;
import dev.greenlight.local.gateway.WireGateway;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.SnsException;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * Over the wire: STS forgets a session once it has expired, and a call signed with its key is still refused
 * with ExpiredToken by every service, not served as the account root; keys STS never issued still are.
 */
class ForgottenSessionsTest {

    private static final String TRUSTS_ACCOUNT = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
             "Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"sts:AssumeRole"}]}""";

    private final VirtualClock clock = new VirtualClock();
    private final LocalTwin twin = LocalTwin.virtualTime(clock);
    private final WireGateway gateway = twin.serve(0);

    @AfterEach
    void stop() {
        gateway.close();
        twin.close();
    }

    private Credentials assumeRole() {
        return twin.sts().assumeRole(r -> r.roleArn("arn:aws:iam::123456789012:role/deployer")
                .roleSessionName("rehearsal").durationSeconds(900)).credentials();
    }

    private SnsClient sns(AwsCredentials credentials) {
        return SnsClient.builder().endpointOverride(URI.create("http://127.0.0.1:" + gateway.port()))
                .region(Region.US_EAST_1).credentialsProvider(StaticCredentialsProvider.create(credentials))
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    private static AwsCredentials of(Credentials credentials) {
        return AwsSessionCredentials.create(credentials.accessKeyId(), credentials.secretAccessKey(),
                credentials.sessionToken());
    }

    @Test
    void aForgottenSessionsCredentials_areStillRefusedAsExpired() {
        twin.iam().createRole(r -> r.roleName("deployer").assumeRolePolicyDocument(TRUSTS_ACCOUNT));
        twin.iam().attachRolePolicy(r -> r.roleName("deployer")
                .policyArn("arn:aws:iam::aws:policy/AdministratorAccess"));
        Credentials first = assumeRole();
        assertThat(sns(of(first)).listTopics().topics()).isEmpty();

        clock.advance(Duration.ofMinutes(15));
        Credentials second = assumeRole();

        assertThat(twin.sts().issued(first.accessKeyId())).as("forgotten").isEmpty();
        SnsException refused = catchThrowableOfType(SnsException.class, () -> sns(of(first)).listTopics());
        assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("ExpiredToken");
        assertThat(sns(of(second)).listTopics().topics()).isEmpty();
        assertThat(sns(AwsBasicCredentials.create("ASIAIOSFODNN7EXAMPLE", "secret")).listTopics().topics())
                .as("a key STS never issued acts as the account").isEmpty();
    }
}
