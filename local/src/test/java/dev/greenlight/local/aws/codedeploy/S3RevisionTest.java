package dev.greenlight.local.aws.codedeploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.local.aws.s3.S3Twin;
import dev.greenlight.local.clock.VirtualClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.codedeploy.model.BundleType;
import software.amazon.awssdk.services.codedeploy.model.DeploymentStatus;
import software.amazon.awssdk.services.codedeploy.model.GenericRevisionInfo;
import software.amazon.awssdk.services.codedeploy.model.InvalidRevisionException;
import software.amazon.awssdk.services.codedeploy.model.RevisionDoesNotExistException;
import software.amazon.awssdk.services.codedeploy.model.RevisionLocation;
import software.amazon.awssdk.services.codedeploy.model.RevisionLocationType;

/** CreateDeployment of an AppSpec stored in S3, and the application revisions CodeDeploy keeps. */
class S3RevisionTest {

    private final S3Twin s3 = new S3Twin(new VirtualClock());
    private final CodeDeployFixture fixture = new CodeDeployFixture(s3::objectBytes);

    S3RevisionTest() {
        fixture.group();
        s3.createBucket(b -> b.bucket("releases"));
    }

    @Test
    void aYamlAppSpecInS3IsDeployedAndItsRevisionIsRecorded() {
        String yaml = """
                version: 0.0
                Resources:
                  - TargetService:
                      Type: AWS::ECS::Service
                      Properties:
                        TaskDefinition: arn:aws:ecs:us-east-1:123456789012:task-definition/web:2
                        LoadBalancerInfo:
                          ContainerName: web
                          ContainerPort: 8080
                """;
        s3.putObject(b -> b.bucket("releases").key("web/appspec.yaml"), RequestBody.fromString(yaml));

        String id = deploy("web/appspec.yaml", BundleType.YAML);
        fixture.runFor(Duration.ofMinutes(11));

        assertThat(fixture.info(id).status()).isEqualTo(DeploymentStatus.SUCCEEDED);
        assertThat(fixture.info(id).revision().s3Location().key()).isEqualTo("web/appspec.yaml");
        assertThat(fixture.rerouting.calls).first().asString()
                .isEqualTo("create arn:aws:ecs:us-east-1:123456789012:task-definition/web:2 web:8080 in tg-green");
        GenericRevisionInfo info = fixture.client.getApplicationRevision(b -> b.applicationName(CodeDeployFixture.APP)
                .revision(location("web/appspec.yaml", BundleType.YAML))).revisionInfo();
        assertThat(info.deploymentGroups()).containsExactly(CodeDeployFixture.GROUP);
        assertThat(info.firstUsedTime()).isEqualTo(fixture.info(id).createTime());
    }

    @Test
    void aJsonAppSpecInS3IsDeployed() {
        s3.putObject(b -> b.bucket("releases").key("appspec.json"), RequestBody.fromString(CodeDeployFixture.appSpec()));

        String id = deploy("appspec.json", BundleType.JSON);

        assertThat(fixture.info(id).status()).isEqualTo(DeploymentStatus.CREATED);
        fixture.runFor(Duration.ofMinutes(11));
        assertThat(fixture.info(id).status()).isEqualTo(DeploymentStatus.SUCCEEDED);
    }

    @Test
    void aMissingObjectOrBucketIsRevisionDoesNotExist() {
        assertThatThrownBy(() -> deploy("nope.yaml", BundleType.YAML))
                .isInstanceOf(RevisionDoesNotExistException.class).hasMessageContaining("s3://releases/nope.yaml");
        assertThatThrownBy(() -> fixture.client.createDeployment(b -> b.applicationName(CodeDeployFixture.APP)
                .deploymentGroupName(CodeDeployFixture.GROUP).revision(r -> r.revisionType(RevisionLocationType.S3)
                        .s3Location(l -> l.bucket("no-bucket").key("appspec.yaml").bundleType(BundleType.YAML)))))
                .isInstanceOf(RevisionDoesNotExistException.class);
    }

    @Test
    void anArchiveBundleIsRefusedForEcs() {
        s3.putObject(b -> b.bucket("releases").key("bundle.zip"), RequestBody.fromString("PK"));

        assertThatThrownBy(() -> deploy("bundle.zip", BundleType.ZIP))
                .isInstanceOf(InvalidRevisionException.class).hasMessageContaining("zip");
    }

    @Test
    void anObjectThatIsNotAnAppSpecIsAnInvalidRevision() {
        s3.putObject(b -> b.bucket("releases").key("notes.yaml"), RequestBody.fromString("just: notes"));

        assertThatThrownBy(() -> deploy("notes.yaml", BundleType.YAML)).isInstanceOf(InvalidRevisionException.class);
    }

    @Test
    void registerThenGetAndListApplicationRevisions() {
        RevisionLocation revision = location("web/appspec.yaml", BundleType.YAML);
        assertThatThrownBy(() -> fixture.client.getApplicationRevision(b -> b.applicationName(CodeDeployFixture.APP)
                .revision(revision))).isInstanceOf(RevisionDoesNotExistException.class);

        fixture.client.registerApplicationRevision(b -> b.applicationName(CodeDeployFixture.APP).revision(revision)
                .description("release 7"));

        var got = fixture.client.getApplicationRevision(b -> b.applicationName(CodeDeployFixture.APP)
                .revision(revision));
        assertThat(got.applicationName()).isEqualTo(CodeDeployFixture.APP);
        assertThat(got.revisionInfo().description()).isEqualTo("release 7");
        assertThat(got.revisionInfo().registerTime()).isEqualTo(fixture.clock.now());
        assertThat(got.revisionInfo().firstUsedTime()).isNull();
        assertThat(fixture.client.listApplicationRevisions(b -> b.applicationName(CodeDeployFixture.APP)).revisions())
                .containsExactly(revision);
    }

    private String deploy(String key, BundleType bundleType) {
        return fixture.client.createDeployment(b -> b.applicationName(CodeDeployFixture.APP)
                .deploymentGroupName(CodeDeployFixture.GROUP).revision(location(key, bundleType))).deploymentId();
    }

    private static RevisionLocation location(String key, BundleType bundleType) {
        return RevisionLocation.builder().revisionType(RevisionLocationType.S3)
                .s3Location(l -> l.bucket("releases").key(key).bundleType(bundleType)).build();
    }
}
