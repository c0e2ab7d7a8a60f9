package dev.greenlight.local.aws.iam.enforcement;

import dev.greenlight.local.aws.AwsErrors;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.codedeploy.model.InvalidRoleException;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.sfn.model.SfnException;

/**
 * The refusal of a call that hands a service a role the service may not assume, as each service
 * words it. Only the codes are in the API references; the messages are what the services answer, as
 * quoted in their users' reports (AWS publishes none of them):
 * Lambda's InvalidParameterValueException "The role defined for the function cannot be assumed by
 * Lambda."; Step Functions' AccessDeniedException "Neither the global service principal
 * states.amazonaws.com, nor the regional one is authorized to assume the provided role."; CodeDeploy's
 * InvalidRoleException "AWS CodeDeploy does not have the permissions required to assume the role ARN."
 * (older answers said "Cannot assume role provided."); CloudFormation's ValidationError "Role ARN is
 * invalid or cannot be assumed".
 */
final class UntrustedRole {

    private static final Map<String, Function<String, AwsServiceException>> BY_SIGNING_NAME = Map.of(
            "lambda", role -> AwsErrors.of(InvalidParameterValueException.builder(), "InvalidParameterValueException",
                    "The role defined for the function cannot be assumed by Lambda.", 400),
            "states", role -> AwsErrors.of(SfnException.builder(), "AccessDeniedException",
                    "Neither the global service principal states.amazonaws.com, nor the regional one is authorized "
                            + "to assume the provided role.", 400),
            "codedeploy", role -> AwsErrors.of(InvalidRoleException.builder(), "InvalidRoleException",
                    "AWS CodeDeploy does not have the permissions required to assume the role " + role + ".", 400),
            "cloudformation", role -> AwsErrors.of(CloudFormationException.builder(), "ValidationError",
                    "Role " + role + " is invalid or cannot be assumed", 400));

    private UntrustedRole() {
    }

    /** Whether the service checks, when handed a role, that it may assume it (ECS does so only when it launches a task). */
    static boolean checkedBy(String signingName) {
        return BY_SIGNING_NAME.containsKey(signingName);
    }

    static AwsServiceException of(String signingName, String roleArn) {
        return BY_SIGNING_NAME.get(signingName).apply(roleArn);
    }
}
