package dev.greenlight.local.aws.iam.authorization;

import java.util.Map;
import software.amazon.awssdk.core.SdkPojo;

/**
 * What AWS knows about a request beyond its members, to name the resource it authorizes: CodeDeploy
 * authorizes GetDeployment, StopDeployment and the other deployment-ID operations on the
 * deployment's group, which only the service's state tells.
 */
@FunctionalInterface
public interface RequestFacts {

    RequestFacts NONE = request -> Map.of();

    /** Member name to value, for members the request implies ({@code ApplicationName}, {@code DeploymentGroupName}). */
    Map<String, String> about(SdkPojo request);
}
