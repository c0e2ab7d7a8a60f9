package dev.greenlight.local.twin;

import dev.greenlight.local.aws.codedeploy.CodeDeployTwin;
import dev.greenlight.local.aws.iam.authorization.RequestFacts;
import java.util.Map;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.codedeploy.model.DeploymentInfo;

/** A CodeDeploy request naming a deployment by ID implies its application and deployment group. */
record DeploymentFacts(CodeDeployTwin codeDeploy) implements RequestFacts {

    @Override
    public Map<String, String> about(SdkPojo request) {
        return request.sdkFields().stream().filter(field -> field.memberName().equals("deploymentId")).findFirst()
                .map(field -> field.getValueOrDefault(request)).filter(String.class::isInstance).map(String.class::cast)
                .map(this::groupOf).orElse(Map.of());
    }

    private Map<String, String> groupOf(String deploymentId) {
        try {
            DeploymentInfo deployment = codeDeploy.getDeployment(r -> r.deploymentId(deploymentId)).deploymentInfo();
            return Map.of("ApplicationName", deployment.applicationName(), "DeploymentGroupName",
                    deployment.deploymentGroupName());
        } catch (AwsServiceException noSuchDeployment) {
            return Map.of();
        }
    }
}
