package dev.greenlight.local.aws.cloudformation.resources;

import dev.greenlight.local.aws.cloudformation.Provisioned;
import dev.greenlight.local.aws.cloudformation.ResourceProvider;
import dev.greenlight.local.aws.cloudformation.ResourceRequest;
import java.util.Set;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.codedeploy.model.CreateDeploymentGroupRequest;
import software.amazon.awssdk.services.codedeploy.model.UpdateDeploymentGroupRequest;

/** AWS::CodeDeploy::Application and DeploymentGroup through CodeDeploy's own calls. Ref is the name. */
final class CodeDeployProviders {

    private CodeDeployProviders() {
    }

    static ResourceProvider application(CodeDeployClient codeDeploy) {
        return new ResourceProvider() {
            @Override
            public Provisioned create(ResourceRequest request) {
                String name = request.nameOr("ApplicationName", 100, false);
                codeDeploy.createApplication(r -> r.applicationName(name)
                        .computePlatform(request.text("ComputePlatform").orElse("Server")));
                return Provisioned.of(name);
            }

            @Override
            public void delete(Provisioned current, ResourceRequest request) {
                codeDeploy.deleteApplication(r -> r.applicationName(current.physicalId()));
            }

            @Override
            public Set<String> replacedOn() {
                return Set.of("ApplicationName", "ComputePlatform");
            }
        };
    }

    static ResourceProvider deploymentGroup(CodeDeployClient codeDeploy) {
        return new ResourceProvider() {
            @Override
            public Provisioned create(ResourceRequest request) {
                String name = request.nameOr("DeploymentGroupName", 100, false);
                codeDeploy.createDeploymentGroup(ApiShapes.fill(request.properties(), CreateDeploymentGroupRequest.builder())
                        .deploymentGroupName(name).build());
                return Provisioned.of(name);
            }

            @Override
            public Provisioned update(ResourceRequest request, Provisioned current) {
                codeDeploy.updateDeploymentGroup(ApiShapes.fill(request.properties(), UpdateDeploymentGroupRequest.builder())
                        .currentDeploymentGroupName(current.physicalId()).newDeploymentGroupName(null).build());
                return current;
            }

            @Override
            public void delete(Provisioned current, ResourceRequest request) {
                codeDeploy.deleteDeploymentGroup(r -> r.applicationName(request.required("ApplicationName"))
                        .deploymentGroupName(current.physicalId()));
            }

            @Override
            public Set<String> replacedOn() {
                return Set.of("ApplicationName", "DeploymentGroupName");
            }
        };
    }
}
