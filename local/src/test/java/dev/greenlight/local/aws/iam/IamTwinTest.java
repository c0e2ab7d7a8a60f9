package dev.greenlight.local.aws.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.local.clock.VirtualClock;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.DeleteConflictException;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.InvalidInputException;
import software.amazon.awssdk.services.iam.model.MalformedPolicyDocumentException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.PolicyScopeType;
import software.amazon.awssdk.services.iam.model.Role;

class IamTwinTest {

    static final String ECS_TASKS_TRUST = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
             "Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";
    static final String READ_S3 = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject"],"Resource":"*"}]}""";
    static final String TASK_EXECUTION = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy";

    private final VirtualClock clock = new VirtualClock();
    private final IamClient iam = new IamTwin(clock, new SplittableRandom(1));

    @Test
    void createRoleAnswersTheRoleWithItsArnIdAndTrustPolicyUrlEncoded() {
        Role role = iam.createRole(r -> r.roleName("ecsTaskExecutionRole").path("/app/")
                .assumeRolePolicyDocument(ECS_TASKS_TRUST)).role();

        assertThat(role.arn()).isEqualTo("arn:aws:iam::123456789012:role/app/ecsTaskExecutionRole");
        assertThat(role.roleId()).startsWith("AROA").hasSize(21);
        assertThat(role.createDate()).isEqualTo(clock.now());
        assertThat(role.maxSessionDuration()).isEqualTo(3600);
        assertThat(role.assumeRolePolicyDocument()).doesNotContain("{").contains("%7B");
        assertThat(URLDecoder.decode(role.assumeRolePolicyDocument(), StandardCharsets.UTF_8)).isEqualTo(ECS_TASKS_TRUST);
        assertThat(iam.getRole(r -> r.roleName("ecsTaskExecutionRole")).role()).isEqualTo(role);
        assertThat(iam.listRoles(r -> { }).roles()).extracting(Role::roleName).containsExactly("ecsTaskExecutionRole");
    }

    @Test
    void aSecondRoleOfTheSameNameInAnyCaseIsRefused() {
        iam.createRole(r -> r.roleName("deployer").assumeRolePolicyDocument(ECS_TASKS_TRUST));

        assertThatThrownBy(() -> iam.createRole(r -> r.roleName("Deployer").assumeRolePolicyDocument(ECS_TASKS_TRUST)))
                .isInstanceOfSatisfying(EntityAlreadyExistsException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("EntityAlreadyExists");
                    assertThat(e.statusCode()).isEqualTo(409);
                });
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            not json                                                                                | This policy contains invalid Json
            {"Version":"2012-10-17"}                                                                | Missing required field Statement
            {"Version":"2010-01-01","Statement":[]}                                                 | The policy must contain a valid version string
            {"Statement":[{"Effect":"Allow","Principal":{"Service":"x"},"Action":"sts:AssumeRole","Resource":"*"}]} | Has prohibited field Resource
            {"Statement":[{"Effect":"Allow","Action":"sts:AssumeRole"}]}                            | Missing required field Principal
            {"Statement":[{"Effect":"Maybe","Principal":"*","Action":"sts:AssumeRole"}]}            | Invalid effect: Maybe
            {"Statement":[{"Effect":"Allow","Principal":"*","Action":"AssumeRole"}]}                | Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.
            {"Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:role/ghost"},"Action":"sts:AssumeRole"}]} | Invalid principal in policy: "AWS":"arn:aws:iam::123456789012:role/ghost"
            """)
    void trustPoliciesAreCheckedAsIamChecksThem(String document, String message) {
        assertThatThrownBy(() -> iam.createRole(r -> r.roleName("r").assumeRolePolicyDocument(document)))
                .isInstanceOfSatisfying(MalformedPolicyDocumentException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("MalformedPolicyDocument");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
                });
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"Statement":[{"Effect":"Allow","Action":"s3:GetObject"}]}                               | Policy statement must contain resources.
            {"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*"}]} | Policy document should not specify a principal.
            {"Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Colour":"red"}]}  | Syntax errors in policy.
            """)
    void identityPoliciesAreCheckedAsIamChecksThem(String document, String message) {
        iam.createRole(r -> r.roleName("r").assumeRolePolicyDocument(ECS_TASKS_TRUST));

        assertThatThrownBy(() -> iam.putRolePolicy(r -> r.roleName("r").policyName("p").policyDocument(document)))
                .isInstanceOfSatisfying(MalformedPolicyDocumentException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message));
        assertThatThrownBy(() -> iam.createPolicy(r -> r.policyName("p").policyDocument(document)))
                .isInstanceOf(MalformedPolicyDocumentException.class);
    }

    @Test
    void namesOutsideIamsPatternAreAValidationError() {
        assertThatThrownBy(() -> iam.createRole(r -> r.roleName("has space").assumeRolePolicyDocument(ECS_TASKS_TRUST)))
                .isInstanceOfSatisfying(AwsServiceException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
                    assertThat(e.awsErrorDetails().errorMessage()).contains("at 'roleName'");
                });
        assertThatThrownBy(() -> iam.createRole(r -> r.roleName("r").path("app").assumeRolePolicyDocument(ECS_TASKS_TRUST)))
                .isInstanceOfSatisfying(AwsServiceException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage()).contains("at 'path'"));
    }

    @Test
    void inlinePoliciesAreKeptByNameAndAnsweredUrlEncoded() {
        iam.createRole(r -> r.roleName("worker").assumeRolePolicyDocument(ECS_TASKS_TRUST));
        iam.putRolePolicy(r -> r.roleName("worker").policyName("read").policyDocument(READ_S3));

        var policy = iam.getRolePolicy(r -> r.roleName("worker").policyName("read"));

        assertThat(URLDecoder.decode(policy.policyDocument(), StandardCharsets.UTF_8)).isEqualTo(READ_S3);
        assertThat(iam.listRolePolicies(r -> r.roleName("worker")).policyNames()).containsExactly("read");
        iam.deleteRolePolicy(r -> r.roleName("worker").policyName("read"));
        assertThatThrownBy(() -> iam.getRolePolicy(r -> r.roleName("worker").policyName("read")))
                .isInstanceOfSatisfying(NoSuchEntityException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("The role policy with name read cannot be found.");
                });
    }

    @Test
    void awsManagedPoliciesAreKnownByArnWithTheirPublishedDocuments() {
        var policy = iam.getPolicy(r -> r.policyArn(TASK_EXECUTION)).policy();
        var version = iam.getPolicyVersion(r -> r.policyArn(TASK_EXECUTION).versionId(policy.defaultVersionId()))
                .policyVersion();

        assertThat(policy.policyName()).isEqualTo("AmazonECSTaskExecutionRolePolicy");
        assertThat(policy.path()).isEqualTo("/service-role/");
        assertThat(URLDecoder.decode(version.document(), StandardCharsets.UTF_8)).contains("ecr:GetAuthorizationToken");
        assertThat(iam.listPolicies(r -> r.scope(PolicyScopeType.AWS)).policies())
                .extracting(p -> p.policyName())
                .contains("AWSCodeDeployRoleForECS", "AmazonECSTaskExecutionRolePolicy", "AWSLambdaBasicExecutionRole");
        assertThatThrownBy(() -> iam.getPolicy(r -> r.policyArn("arn:aws:iam::aws:policy/NoSuchThing")))
                .isInstanceOfSatisfying(NoSuchEntityException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("Policy arn:aws:iam::aws:policy/NoSuchThing does not exist or is not attachable."));
        assertThatThrownBy(() -> iam.getPolicy(r -> r.policyArn("not-an-arn")))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void attachedPoliciesListAndCountAndBlockDeletion() {
        iam.createRole(r -> r.roleName("exec").assumeRolePolicyDocument(ECS_TASKS_TRUST));
        String mine = iam.createPolicy(r -> r.policyName("ReadArtifacts").policyDocument(READ_S3)).policy().arn();
        iam.attachRolePolicy(r -> r.roleName("exec").policyArn(TASK_EXECUTION));
        iam.attachRolePolicy(r -> r.roleName("exec").policyArn(mine));

        assertThat(iam.listAttachedRolePolicies(r -> r.roleName("exec")).attachedPolicies())
                .extracting(p -> p.policyArn()).containsExactly(TASK_EXECUTION, mine);
        assertThat(iam.getPolicy(r -> r.policyArn(mine)).policy().attachmentCount()).isEqualTo(1);
        assertThat(iam.listPolicies(r -> r.scope(PolicyScopeType.LOCAL)).policies()).extracting(p -> p.arn())
                .containsExactly(mine);
        assertThatThrownBy(() -> iam.deletePolicy(r -> r.policyArn(mine))).isInstanceOf(DeleteConflictException.class);
        assertThatThrownBy(() -> iam.deleteRole(r -> r.roleName("exec")))
                .isInstanceOfSatisfying(DeleteConflictException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("Cannot delete entity, must detach all policies first."));
        assertThatThrownBy(() -> iam.createPolicy(r -> r.policyName("ReadArtifacts").policyDocument(READ_S3)))
                .isInstanceOf(EntityAlreadyExistsException.class);

        iam.detachRolePolicy(r -> r.roleName("exec").policyArn(TASK_EXECUTION));
        iam.detachRolePolicy(r -> r.roleName("exec").policyArn(mine));
        assertThatThrownBy(() -> iam.detachRolePolicy(r -> r.roleName("exec").policyArn(mine)))
                .isInstanceOf(NoSuchEntityException.class);
        iam.deleteRole(r -> r.roleName("exec"));
        assertThatThrownBy(() -> iam.getRole(r -> r.roleName("exec")))
                .isInstanceOfSatisfying(NoSuchEntityException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("The role with name exec cannot be found."));
    }

    @Test
    void aRoleWithInlinePoliciesCannotBeDeleted() {
        iam.createRole(r -> r.roleName("worker").assumeRolePolicyDocument(ECS_TASKS_TRUST));
        iam.putRolePolicy(r -> r.roleName("worker").policyName("read").policyDocument(READ_S3));

        assertThatThrownBy(() -> iam.deleteRole(r -> r.roleName("worker")))
                .isInstanceOfSatisfying(DeleteConflictException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("Cannot delete entity, must delete policies first."));
    }

    @Test
    void listsPageWithMarkerAndRefuseAMaxItemsOutOfRange() {
        for (String name : new String[] {"a", "b", "c"}) {
            iam.createRole(r -> r.roleName(name).assumeRolePolicyDocument(ECS_TASKS_TRUST));
        }

        var first = iam.listRoles(r -> r.maxItems(2));
        var second = iam.listRoles(r -> r.maxItems(2).marker(first.marker()));

        assertThat(first.roles()).extracting(Role::roleName).containsExactly("a", "b");
        assertThat(first.isTruncated()).isTrue();
        assertThat(second.roles()).extracting(Role::roleName).containsExactly("c");
        assertThat(second.isTruncated()).isFalse();
        assertThatThrownBy(() -> iam.listRoles(r -> r.maxItems(0)))
                .isInstanceOfSatisfying(AwsServiceException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError"));
    }

    @Test
    void tagsAreKeptOnTheRole() {
        iam.createRole(r -> r.roleName("t").assumeRolePolicyDocument(ECS_TASKS_TRUST)
                .tags(t -> t.key("team").value("web")));
        iam.tagRole(r -> r.roleName("t").tags(t -> t.key("env").value("dev")));
        iam.untagRole(r -> r.roleName("t").tagKeys("team"));

        assertThat(iam.listRoleTags(r -> r.roleName("t")).tags()).extracting(t -> t.key()).containsExactly("env");
    }
}
