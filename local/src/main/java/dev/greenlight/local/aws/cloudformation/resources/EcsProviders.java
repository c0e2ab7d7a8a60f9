package dev.greenlight.local.aws.cloudformation.resources;

import dev.greenlight.local.aws.cloudformation.Provisioned;
import dev.greenlight.local.aws.cloudformation.ResourceProvider;
import dev.greenlight.local.aws.cloudformation.ResourceRequest;
import dev.greenlight.local.aws.cloudformation.Stabilization;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.CreateServiceRequest;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.Service;

/**
 * AWS::ECS::Cluster, TaskDefinition and Service through ECS's own calls, so the service's tasks
 * run on the twin's fleet. A task definition is immutable: any change registers a new revision
 * (replacement), as CloudFormation does.
 */
final class EcsProviders {

    private EcsProviders() {
    }

    static ResourceProvider cluster(EcsClient ecs) {
        return new ResourceProvider() {
            @Override
            public Provisioned create(ResourceRequest request) {
                String name = request.nameOr("ClusterName", 255, false);
                String arn = ecs.createCluster(r -> r.clusterName(name)).cluster().clusterArn();
                return Provisioned.of(name, "Arn", arn);
            }

            @Override
            public void delete(Provisioned current, ResourceRequest request) {
                ecs.deleteCluster(r -> r.cluster(current.physicalId()));
            }

            @Override
            public Set<String> replacedOn() {
                return Set.of("ClusterName");
            }
        };
    }

    static ResourceProvider taskDefinition(EcsClient ecs) {
        return new ResourceProvider() {
            @Override
            public Provisioned create(ResourceRequest request) {
                RegisterTaskDefinitionRequest.Builder builder = ApiShapes.fill(request.properties(),
                        RegisterTaskDefinitionRequest.builder());
                builder.family(request.nameOr("Family", 255, false));
                String arn = ecs.registerTaskDefinition(builder.build()).taskDefinition().taskDefinitionArn();
                return Provisioned.of(arn, "TaskDefinitionArn", arn);
            }

            @Override
            public void delete(Provisioned current, ResourceRequest request) {
                ecs.deregisterTaskDefinition(r -> r.taskDefinition(current.physicalId()));
            }

            @Override
            public Set<String> replacedOn() {
                return ANY;
            }
        };
    }

    /** The service as DescribeServices shows it; empty once ECS no longer knows it, nor its cluster. */
    private static Optional<Service> describe(EcsClient ecs, Provisioned current, ResourceRequest request) {
        try {
            return ecs.describeServices(r -> r.cluster(request.text("Cluster").orElse("default"))
                    .services(current.physicalId())).services().stream().findFirst();
        } catch (ClusterNotFoundException e) {
            return Optional.empty();
        }
    }

    /**
     * Ref is the service ARN; Fn::GetAtt gives ServiceArn and Name. CloudFormation waits for the
     * service to be steady after a create or update and drained after a delete (see
     * {@link ServiceStability}).
     */
    static ResourceProvider service(EcsClient ecs) {
        return new ResourceProvider() {
            @Override
            public Provisioned create(ResourceRequest request) {
                String name = request.nameOr("ServiceName", 255, false);
                Service service = ecs.createService(ApiShapes.fill(request.properties(), CreateServiceRequest.builder())
                        .serviceName(name).build()).service();
                return Provisioned.of(service.serviceArn(), "ServiceArn", service.serviceArn(), "Name", name);
            }

            @Override
            public void delete(Provisioned current, ResourceRequest request) {
                String cluster = request.text("Cluster").orElse("default");
                ecs.updateService(r -> r.cluster(cluster).service(current.physicalId()).desiredCount(0));
                ecs.deleteService(r -> r.cluster(cluster).service(current.physicalId()).force(true));
            }

            @Override
            public Stabilization stabilized(Provisioned current, ResourceRequest request) {
                return ServiceStability.afterDeployment(describe(ecs, current, request), request.random());
            }

            @Override
            public Stabilization removed(Provisioned current, ResourceRequest request) {
                return ServiceStability.afterDelete(describe(ecs, current, request));
            }

            @Override
            public Set<String> replacedOn() {
                return Set.of("ServiceName", "Cluster", "LaunchType", "Role", "DeploymentController",
                        "SchedulingStrategy", "LoadBalancers", "NetworkConfiguration", "TaskDefinition",
                        "DesiredCount", "PlatformVersion");
            }
        };
    }
}
