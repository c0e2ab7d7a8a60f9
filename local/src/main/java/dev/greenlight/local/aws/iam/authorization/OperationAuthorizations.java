package dev.greenlight.local.aws.iam.authorization;

import dev.greenlight.local.aws.iam.authorization.ServiceAuthorizationReference.Action;
import dev.greenlight.local.aws.iam.authorization.ServiceAuthorizationReference.ResourceType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.SdkPojo;

/**
 * The action and resources of a call, from the Service Authorization Reference: the first of the
 * action's resource types whose ARN the request names (S3's GetObject lists access-point objects
 * before objects; a request to a bucket names only the latter), else {@code *}, as for actions
 * that take no resource type (ecs:RegisterTaskDefinition, cloudwatch:PutMetricData).
 */
public final class OperationAuthorizations {

    private final ServiceAuthorizationReference reference;
    private final RequestFacts facts;

    public OperationAuthorizations(ServiceAuthorizationReference reference, RequestFacts facts) {
        this.reference = reference;
        this.facts = facts;
    }

    /**
     * @param signingName the service as SigV4 names it ({@code lambda}, {@code monitoring})
     * @param operation   the API operation ({@code Invoke}, {@code ListObjectsV2})
     * @return empty when the reference has no action for the operation
     */
    public Optional<Authorization> of(String signingName, String operation, SdkPojo request) {
        String prefix = ActionNames.prefix(signingName);
        return reference.action(prefix, ActionNames.actionName(signingName, operation))
                .map(action -> new Authorization(action.qualified(), resources(action, request, facts.about(request))));
    }

    /**
     * Operations AWS serves without asking any policy: STS's GetCallerIdentity ("No permissions
     * are required to perform this operation", STS API Reference).
     */
    public static boolean needsNoPermission(String signingName, String operation) {
        return signingName.equals("sts") && operation.equals("GetCallerIdentity");
    }

    private static List<String> resources(Action action, SdkPojo request, Map<String, String> facts) {
        for (ResourceType type : action.resourceTypes()) {
            if (type.arnTemplate() == null) {
                continue;
            }
            Optional<List<String>> arns = RequestResources.of(type.arnTemplate(), request, facts);
            if (arns.isPresent()) {
                return arns.get();
            }
        }
        return List.of("*");
    }
}
