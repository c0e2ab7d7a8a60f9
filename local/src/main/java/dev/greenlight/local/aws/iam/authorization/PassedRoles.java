package dev.greenlight.local.aws.iam.authorization;

import dev.greenlight.local.aws.LocalAccount;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;

/**
 * The roles a call passes to a service, each of which AWS authorizes as an implied
 * {@code iam:PassRole} on the role's ARN, with {@code iam:PassedToService} naming the service the role
 * is passed to ("Grant a user permissions to pass a role to an AWS service", IAM User Guide): a task
 * definition's task and execution roles (ECS), a function's execution role (Lambda), a state
 * machine's role (Step Functions), a deployment group's service role (CodeDeploy), a stack's service
 * role (CloudFormation's RoleARN).
 */
public final class PassedRoles {

    /**
     * {@code roleArn} passed to the service principal {@code service}; {@code byName} when the request gave
     * the role's name, not its ARN (which only ECS accepts: the others refuse it as malformed).
     */
    public record PassedRole(String roleArn, String service, boolean byName) {
    }

    private record Passing(List<String> members, String service) {
    }

    private static final Passing TASK_ROLES = new Passing(List.of("taskRoleArn", "executionRoleArn"),
            "ecs-tasks.amazonaws.com");
    private static final Passing FUNCTION_ROLE = new Passing(List.of("Role"), "lambda.amazonaws.com");
    private static final Passing STATE_MACHINE_ROLE = new Passing(List.of("roleArn"), "states.amazonaws.com");
    private static final Passing DEPLOYMENT_GROUP_ROLE = new Passing(List.of("serviceRoleArn"),
            "codedeploy.amazonaws.com");
    private static final Passing STACK_ROLE = new Passing(List.of("RoleARN"), "cloudformation.amazonaws.com");

    /** By signing name and operation. */
    private static final Map<String, Passing> PASSING = Map.ofEntries(
            Map.entry("ecs RegisterTaskDefinition", TASK_ROLES),
            Map.entry("lambda CreateFunction", FUNCTION_ROLE),
            Map.entry("lambda UpdateFunctionConfiguration", FUNCTION_ROLE),
            Map.entry("states CreateStateMachine", STATE_MACHINE_ROLE),
            Map.entry("states UpdateStateMachine", STATE_MACHINE_ROLE),
            Map.entry("codedeploy CreateDeploymentGroup", DEPLOYMENT_GROUP_ROLE),
            Map.entry("codedeploy UpdateDeploymentGroup", DEPLOYMENT_GROUP_ROLE),
            Map.entry("cloudformation CreateStack", STACK_ROLE),
            Map.entry("cloudformation UpdateStack", STACK_ROLE),
            Map.entry("cloudformation DeleteStack", STACK_ROLE),
            Map.entry("cloudformation CreateChangeSet", STACK_ROLE));

    private PassedRoles() {
    }

    /** The roles {@code request} passes; none for an operation that passes no role, or a request that names none. */
    public static List<PassedRole> of(String signingName, String operation, SdkPojo request) {
        Passing passing = PASSING.get(signingName + " " + operation);
        if (passing == null) {
            return List.of();
        }
        List<PassedRole> roles = new ArrayList<>();
        for (SdkField<?> field : request.sdkFields()) {
            if (passing.members().contains(field.memberName()) && field.getValueOrDefault(request) instanceof String role
                    && !role.isEmpty()) {
                roles.add(new PassedRole(arn(role), passing.service(), !role.startsWith("arn:")));
            }
        }
        return roles;
    }

    /** ECS takes a role's name as well as its ARN. */
    private static String arn(String role) {
        return role.startsWith("arn:") ? role : "arn:aws:iam::" + LocalAccount.ID + ":role/" + role;
    }
}
