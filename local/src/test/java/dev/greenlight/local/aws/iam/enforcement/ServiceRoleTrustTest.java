package dev.greenlight.local.aws.iam.enforcement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.greenlight.local.aws.iam.policy.Principal;
import dev.greenlight.local.aws.lambda.HandlerJar;
import dev.greenlight.local.clock.VirtualClock;
import dev.greenlight.local.twin.LocalTwin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * A service handed a role checks, at the call that hands it, that it may assume the role: the role
 * exists and its trust policy allows sts:AssumeRole to the service's principal. Otherwise the call is
 * refused with the service's own error, whoever the caller (the account root too), and nothing is made.
 */
class ServiceRoleTrustTest {

    private static final String ROLE = "arn:aws:iam::123456789012:role/handed";
    private static final String TEMPLATE = "{\"Resources\":{\"Version\":{\"Type\":\"AWS::SSM::Parameter\","
            + "\"Properties\":{\"Type\":\"String\",\"Value\":\"1\"}}}}";
    private static final String PASS = "{\"StartAt\":\"Done\",\"States\":{\"Done\":{\"Type\":\"Pass\",\"End\":true}}}";

    private final VirtualClock clock = new VirtualClock();
    private final LocalTwin twin = LocalTwin.virtualTime(clock);

    @AfterEach
    void close() {
        twin.close();
    }

    @ParameterizedTest(name = "{0} {1}, role trusting {2}: {3}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # service      | operation                   | role trusts (- : no role) | code                           | message
            lambda         | CreateFunction              | states.amazonaws.com         | InvalidParameterValueException | The role defined for the function cannot be assumed by Lambda.
            lambda         | CreateFunction              | -                            | InvalidParameterValueException | The role defined for the function cannot be assumed by Lambda.
            lambda         | UpdateFunctionConfiguration | ecs-tasks.amazonaws.com      | InvalidParameterValueException | The role defined for the function cannot be assumed by Lambda.
            states         | CreateStateMachine          | lambda.amazonaws.com         | AccessDeniedException          | Neither the global service principal states.amazonaws.com, nor the regional one is authorized to assume the provided role.
            states         | UpdateStateMachine          | -                            | AccessDeniedException          | Neither the global service principal states.amazonaws.com, nor the regional one is authorized to assume the provided role.
            codedeploy     | CreateDeploymentGroup       | ecs.amazonaws.com            | InvalidRoleException           | AWS CodeDeploy does not have the permissions required to assume the role arn:aws:iam::123456789012:role/handed.
            codedeploy     | UpdateDeploymentGroup       | -                            | InvalidRoleException           | AWS CodeDeploy does not have the permissions required to assume the role arn:aws:iam::123456789012:role/handed.
            cloudformation | CreateStack                 | codedeploy.amazonaws.com     | ValidationError                | Role arn:aws:iam::123456789012:role/handed is invalid or cannot be assumed
            cloudformation | UpdateStack                 | -                            | ValidationError                | Role arn:aws:iam::123456789012:role/handed is invalid or cannot be assumed
            cloudformation | CreateChangeSet             | lambda.amazonaws.com         | ValidationError                | Role arn:aws:iam::123456789012:role/handed is invalid or cannot be assumed
            cloudformation | DeleteStack                 | lambda.amazonaws.com         | ValidationError                | Role arn:aws:iam::123456789012:role/handed is invalid or cannot be assumed
            """)
    void aRoleTheServiceMayNotAssume_isRefusedWithTheServicesError(String service, String operation, String trusted,
            String code, String message) {
        if (trusted != null) {
            role(trusted, "");
        }

        Throwable thrown = catchThrowable(() -> call(service, operation));

        assertThat(thrown).isInstanceOf(AwsServiceException.class);
        AwsServiceException refused = (AwsServiceException) thrown;
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.awsErrorDetails().errorCode()).isEqualTo(code);
        assertThat(refused.awsErrorDetails().errorMessage()).isEqualTo(message);
        assertThat(twin.lambda().listFunctions(r -> { }).functions()).isEmpty();
        assertThat(twin.stepFunctions().listStateMachines(r -> { }).stateMachines()).isEmpty();
        assertThat(twin.cloudFormation().listStacks(r -> { }).stackSummaries()).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1}, role trusting {2}")
    @CsvSource(delimiter = '|', textBlock = """
            lambda         | CreateFunction     | {"Service":"lambda.amazonaws.com"}
            lambda         | CreateFunction     | {"Service":["states.amazonaws.com","lambda.amazonaws.com"]}
            states         | CreateStateMachine | {"Service":"states.amazonaws.com"}
            states         | CreateStateMachine | {"Service":"states.us-east-1.amazonaws.com"}
            cloudformation | CreateStack        | {"Service":"cloudformation.amazonaws.com"}
            """)
    void aRoleThatTrustsTheService_isAccepted(String service, String operation, String principal) {
        twin.iam().createRole(r -> r.roleName("handed").assumeRolePolicyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\","
                        + "\"Principal\":" + principal + "}]}"));

        call(service, operation);

        assertThat(twin.lambda().listFunctions(r -> { }).functions().size()
                + twin.stepFunctions().listStateMachines(r -> { }).stateMachines().size()
                + twin.cloudFormation().listStacks(r -> { }).stackSummaries().size()).isEqualTo(1);
    }

    @Test
    void aTrustPolicyThatDeniesTheService_orAllowsItOnlyForAnotherAccount_isRefused() {
        role("lambda.amazonaws.com", ",\"Condition\":{\"StringEquals\":{\"aws:SourceAccount\":\"210987654321\"}}");

        Throwable thrown = catchThrowable(() -> call("lambda", "CreateFunction"));

        assertThat(thrown).isInstanceOf(AwsServiceException.class);
        assertThat(twin.iamEnforcement().trusts(ROLE, "lambda.amazonaws.com",
                java.util.Map.of("aws:SourceAccount", "123456789012"))).isFalse();
        assertThat(twin.iamEnforcement().trusts(ROLE, "lambda.amazonaws.com",
                java.util.Map.of("aws:SourceAccount", "210987654321"))).isTrue();
    }

    @Test
    void withEnforcementOff_theRoleIsNotAsked() {
        twin.iamEnforcement().enforce(false);

        call("states", "CreateStateMachine");

        assertThat(twin.stepFunctions().listStateMachines(r -> { }).stateMachines()).hasSize(1);
    }

    private void role(String service, String condition) {
        twin.iam().createRole(r -> r.roleName("handed").assumeRolePolicyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\","
                        + "\"Principal\":{\"Service\":\"" + service + "\"}" + condition + "}]}"));
    }

    /** The call as the account root, checked as the wire gateway checks it. */
    private void call(String service, String operation) {
        switch (service + " " + operation) {
            case "lambda CreateFunction" -> as(LambdaClient.class, twin.lambda()).createFunction(r -> r.functionName("work")
                    .role(ROLE).runtime("java21").handler("Work::handleRequest")
                    .code(c -> c.zipFile(SdkBytes.fromByteArray(HandlerJar.build()))));
            case "lambda UpdateFunctionConfiguration" -> as(LambdaClient.class, twin.lambda())
                    .updateFunctionConfiguration(r -> r.functionName("work").role(ROLE));
            case "states CreateStateMachine" -> as(SfnClient.class, twin.stepFunctions()).createStateMachine(r -> r
                    .name("release").roleArn(ROLE).definition(PASS));
            case "states UpdateStateMachine" -> as(SfnClient.class, twin.stepFunctions()).updateStateMachine(r -> r
                    .stateMachineArn("arn:aws:states:us-east-1:123456789012:stateMachine:release").roleArn(ROLE));
            case "codedeploy CreateDeploymentGroup" -> as(CodeDeployClient.class, twin.codeDeploy())
                    .createDeploymentGroup(r -> r.applicationName("orders").deploymentGroupName("orders-dg")
                            .serviceRoleArn(ROLE));
            case "codedeploy UpdateDeploymentGroup" -> as(CodeDeployClient.class, twin.codeDeploy())
                    .updateDeploymentGroup(r -> r.applicationName("orders").currentDeploymentGroupName("orders-dg")
                            .serviceRoleArn(ROLE));
            case "cloudformation CreateStack" -> as(CloudFormationClient.class, twin.cloudFormation()).createStack(r -> r
                    .stackName("orders").roleARN(ROLE).templateBody(TEMPLATE));
            case "cloudformation UpdateStack" -> as(CloudFormationClient.class, twin.cloudFormation()).updateStack(r -> r
                    .stackName("orders").roleARN(ROLE).templateBody(TEMPLATE));
            case "cloudformation CreateChangeSet" -> as(CloudFormationClient.class, twin.cloudFormation())
                    .createChangeSet(r -> r.stackName("orders").changeSetName("first").changeSetType("CREATE")
                            .roleARN(ROLE).templateBody(TEMPLATE));
            case "cloudformation DeleteStack" -> as(CloudFormationClient.class, twin.cloudFormation()).deleteStack(r -> r
                    .stackName("orders").roleARN(ROLE));
            default -> throw new IllegalArgumentException(service + " " + operation);
        }
    }

    private <C> C as(Class<C> type, C client) {
        return EnforcedClient.as(Principal.root(), type, client, twin.iamEnforcement());
    }
}
