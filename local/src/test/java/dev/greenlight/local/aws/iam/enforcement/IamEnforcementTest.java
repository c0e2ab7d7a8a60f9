package dev.greenlight.local.aws.iam.enforcement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.local.clock.VirtualClock;
import dev.greenlight.local.twin.LocalTwin;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.AccessDeniedException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.AuthorizationErrorException;

/** In-process calls made as a role session: checked against the role's policies, refused with the SDK's typed exception. */
class IamEnforcementTest {

    private static final String ROLE = "arn:aws:iam::123456789012:role/publisher";
    private static final String SESSION = "arn:aws:sts::123456789012:assumed-role/publisher/worker";
    private static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";

    private final VirtualClock clock = new VirtualClock();
    private final LocalTwin twin = LocalTwin.virtualTime(clock);
    private final String releases = twin.sns().createTopic(r -> r.name("releases")).topicArn();
    private final String secret = twin.sns().createTopic(r -> r.name("secret")).topicArn();

    IamEnforcementTest() {
        twin.iam().createRole(r -> r.roleName("publisher").assumeRolePolicyDocument(TRUST));
        twin.iam().putRolePolicy(r -> r.roleName("publisher").policyName("publish").policyDocument("""
                {"Version":"2012-10-17","Statement":[
                 {"Effect":"Allow","Action":"sns:Publish","Resource":"arn:aws:sns:us-east-1:123456789012:*"},
                 {"Effect":"Deny","Action":"sns:Publish","Resource":"%s"}]}""".formatted(secret)));
    }

    @AfterEach
    void close() {
        twin.close();
    }

    @Test
    void whatTheRoleAllows_isServed() {
        SnsClient sns = twin.clientAs(ROLE, "worker", SnsClient.class, twin.sns());

        assertThat(sns.publish(r -> r.topicArn(releases).message("v2 is out")).messageId()).isNotEmpty();
    }

    @Test
    void whatNoPolicyAllows_isRefusedWithTheServicesCodeAndAwsWording() {
        EcsClient ecs = twin.clientAs(ROLE, "worker", EcsClient.class, twin.ecs());

        assertThatThrownBy(() -> ecs.listClusters()).isInstanceOf(AccessDeniedException.class)
                .satisfies(e -> {
                    AwsServiceException denied = (AwsServiceException) e;
                    assertThat(denied.statusCode()).isEqualTo(403);
                    assertThat(denied.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
                    assertThat(denied.awsErrorDetails().errorMessage()).isEqualTo("User: " + SESSION
                            + " is not authorized to perform: ecs:ListClusters on resource: * because no identity-based"
                            + " policy allows the ecs:ListClusters action");
                });
    }

    @Test
    void aConditionOnTheResourcesAccount_holdsForTheTwinsResources() {
        // CDK's file-publishing role allows S3 only where aws:ResourceAccount is the account's own.
        twin.s3().createBucket(r -> r.bucket("cdk-assets"));
        twin.iam().putRolePolicy(r -> r.roleName("publisher").policyName("assets").policyDocument("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetBucket*",
                 "Resource":"arn:aws:s3:::cdk-assets",
                 "Condition":{"StringEquals":{"aws:ResourceAccount":["123456789012"]}}}]}"""));
        S3Client s3 = twin.clientAs(ROLE, "worker", S3Client.class, twin.s3());

        assertThatCode(() -> s3.getBucketLocation(r -> r.bucket("cdk-assets"))).doesNotThrowAnyException();
    }

    @Test
    void anExplicitDeny_isNamedInTheRefusal() {
        SnsClient sns = twin.clientAs(ROLE, "worker", SnsClient.class, twin.sns());

        assertThatThrownBy(() -> sns.publish(r -> r.topicArn(secret).message("x")))
                .isInstanceOf(AuthorizationErrorException.class)
                .hasMessageStartingWith("User: " + SESSION + " is not authorized to perform: sns:Publish on resource: "
                        + secret + " with an explicit deny in an identity-based policy");
    }

    @Test
    void aServiceWithoutAModeledException_refusesWithItsBaseTypeAndTheCode() {
        LambdaClient lambda = twin.clientAs(ROLE, "worker", LambdaClient.class, twin.lambda());

        assertThatThrownBy(() -> lambda.getFunction(r -> r.functionName("preflight")))
                .isExactlyInstanceOf(LambdaException.class)
                .satisfies(e -> assertThat(((LambdaException) e).awsErrorDetails().errorCode())
                        .isEqualTo("AccessDeniedException"))
                .hasMessageContaining("lambda:GetFunction on resource: "
                        + "arn:aws:lambda:us-east-1:123456789012:function:preflight because");
    }

    @Test
    void theAccountRoot_isAllowedEverything() {
        assertThat(twin.ecs().listClusters().clusterArns()).isEmpty();
    }

    @Test
    void enforcementTurnedOff_servesEveryCall() {
        twin.iamEnforcement().enforce(false);
        EcsClient ecs = twin.clientAs(ROLE, "worker", EcsClient.class, twin.ecs());

        assertThat(ecs.listClusters().clusterArns()).isEmpty();
    }

    @Test
    void everyCheck_isReportedToListeners() {
        List<AuthorizationCheck> checks = new ArrayList<>();
        twin.iamEnforcement().onCheck(checks::add);
        SnsClient sns = twin.clientAs(ROLE, "worker", SnsClient.class, twin.sns());

        sns.publish(r -> r.topicArn(releases).message("m"));

        assertThat(checks).singleElement().satisfies(check -> {
            assertThat(check.action()).isEqualTo("sns:Publish");
            assertThat(check.resource()).isEqualTo(releases);
            assertThat(check.caller().roleArn()).isEqualTo(ROLE);
        });
    }
}
