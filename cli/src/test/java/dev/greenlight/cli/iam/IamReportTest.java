package dev.greenlight.cli.iam;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.cli.CommandRun;
import dev.greenlight.local.clock.VirtualClock;
import dev.greenlight.local.gateway.WireGateway;
import dev.greenlight.local.twin.LocalTwin;
import dev.greenlight.workers.core.Worker;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * {@code greenlight iam report} against a twin served on a free port: a role granted two actions on a
 * topic, used for one over the wire with credentials from AssumeRole, and never for the other.
 */
class IamReportTest {

    private static final String TRUSTS_ACCOUNT = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
             "Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"sts:AssumeRole"}]}""";
    private static final String TOPIC = "arn:aws:sns:us-east-1:123456789012:releases";
    private static final String PUBLISHER = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["sns:Publish","sns:GetTopicAttributes"],
             "Resource":"%s"}]}""".formatted(TOPIC);

    @TempDir
    Path home;

    private final LocalTwin twin = LocalTwin.virtualTime(new VirtualClock(Instant.parse("2026-01-01T00:00:00Z")));
    private WireGateway gateway;
    private String endpoint;

    @BeforeEach
    void serve() {
        System.setProperty("greenlight.home", home.toString());
        gateway = twin.serve(0);
        endpoint = "http://127.0.0.1:" + gateway.port();
        twin.iam().createRole(r -> r.roleName("releaser").assumeRolePolicyDocument(TRUSTS_ACCOUNT));
        twin.iam().putRolePolicy(r -> r.roleName("releaser").policyName("publish").policyDocument(PUBLISHER));
        twin.iam().createRole(r -> r.roleName("idle").assumeRolePolicyDocument(TRUSTS_ACCOUNT));
        twin.sns().createTopic(r -> r.name("releases"));
    }

    @AfterEach
    void stop() {
        gateway.close();
        twin.close();
        System.clearProperty("greenlight.home");
    }

    @Test
    void afterARolePublished_theReportShowsPublishUsedOnTheTopic_andTheOtherGrantNeverUsed() throws Exception {
        Credentials session = twin.sts().assumeRole(r -> r.roleArn("arn:aws:iam::123456789012:role/releaser")
                .roleSessionName("release-1")).credentials();
        try (SnsClient sns = SnsClient.builder().endpointOverride(URI.create(endpoint)).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsSessionCredentials.create(
                        session.accessKeyId(), session.secretAccessKey(), session.sessionToken())))
                .build()) {
            sns.publish(r -> r.topicArn(TOPIC).message("orders 2.0 is out"));
        }

        CommandRun table = CommandRun.of("iam", "report", "--endpoint-url", endpoint);
        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out()).contains("releaser                                 granted  2  used  1  never used  1",
                "    used  sns:Publish on " + TOPIC, "    never sns:GetTopicAttributes (granted on " + TOPIC + ")",
                "idle                                     granted  0  used  0  never used  0");

        CommandRun json = CommandRun.of("iam", "report", "--endpoint-url", endpoint, "--role", "releaser", "--json");
        assertThat(json.exitCode()).as(json.err()).isZero();
        JsonNode roles = Worker.JSON.readTree(json.out()).path("roles");
        assertThat(roles).hasSize(1);
        assertThat(roles.get(0).path("role").asText()).isEqualTo("releaser");
        assertThat(roles.get(0).path("granted").path("sns:GetTopicAttributes").get(0).asText()).isEqualTo(TOPIC);
        assertThat(roles.get(0).path("used").path("sns:Publish").get(0).asText()).isEqualTo(TOPIC);
        assertThat(roles.get(0).path("neverUsed").findValuesAsText("action")).containsExactly("sns:GetTopicAttributes");
    }

    @Test
    void againstAwsItself_sendsNothing_andNamesTheTwinAsWhereTheRecordIs() {
        CommandRun run = CommandRun.of("iam", "report", "--region", "us-east-1");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("The record of what each role used is the local twin's",
                "greenlight local up").doesNotContain("Exception");
    }
}
