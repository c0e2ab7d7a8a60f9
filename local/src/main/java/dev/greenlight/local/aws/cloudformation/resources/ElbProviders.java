package dev.greenlight.local.aws.cloudformation.resources;

import dev.greenlight.local.aws.cloudformation.Provisioned;
import dev.greenlight.local.aws.cloudformation.ResourceProvider;
import dev.greenlight.local.aws.cloudformation.ResourceRequest;
import java.util.Set;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateListenerRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateTargetGroupRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;

/**
 * AWS::ElasticLoadBalancingV2::LoadBalancer, TargetGroup and Listener through ELB's own calls, so
 * the fleet serves the load balancer CloudFormation made. Attributes (LoadBalancerAttributes,
 * TargetGroupAttributes) are recorded only. Ref is the ARN.
 */
final class ElbProviders {

    private ElbProviders() {
    }

    static ResourceProvider loadBalancer(ElasticLoadBalancingV2Client elb) {
        return new ResourceProvider() {
            @Override
            public Provisioned create(ResourceRequest request) {
                String name = request.nameOr("Name", 32, false).replaceAll("[^A-Za-z0-9-]", "-");
                LoadBalancer lb = elb.createLoadBalancer(r -> r.name(name)
                        .subnets(Documents.strings(request.property("Subnets")))
                        .securityGroups(Documents.strings(request.property("SecurityGroups")))
                        .scheme(request.text("Scheme").orElse(null))
                        .type(request.text("Type").orElse(null))).loadBalancers().get(0);
                String arn = lb.loadBalancerArn();
                return Provisioned.of(arn, "LoadBalancerArn", arn, "DNSName", lb.dnsName(),
                        "LoadBalancerName", lb.loadBalancerName(),
                        "LoadBalancerFullName", arn.substring(arn.indexOf(":loadbalancer/") + ":loadbalancer/".length()),
                        "CanonicalHostedZoneID", lb.canonicalHostedZoneId() == null ? "" : lb.canonicalHostedZoneId())
                        .with("SecurityGroups", request.property("SecurityGroups"));
            }

            @Override
            public void delete(Provisioned current, ResourceRequest request) {
                elb.deleteLoadBalancer(r -> r.loadBalancerArn(current.physicalId()));
            }

            @Override
            public Set<String> replacedOn() {
                return Set.of("Name", "Scheme", "Type");
            }
        };
    }

    static ResourceProvider targetGroup(ElasticLoadBalancingV2Client elb) {
        return new ResourceProvider() {
            @Override
            public Provisioned create(ResourceRequest request) {
                String name = request.nameOr("Name", 32, false).replaceAll("[^A-Za-z0-9-]", "-");
                TargetGroup group = elb.createTargetGroup(ApiShapes.fill(request.properties(),
                        CreateTargetGroupRequest.builder(), "Name").name(name).build()).targetGroups().get(0);
                String arn = group.targetGroupArn();
                return Provisioned.of(arn, "TargetGroupArn", arn, "TargetGroupName", name,
                        "TargetGroupFullName", arn.substring(arn.indexOf(":targetgroup/") + 1));
            }

            @Override
            public void delete(Provisioned current, ResourceRequest request) {
                elb.deleteTargetGroup(r -> r.targetGroupArn(current.physicalId()));
            }

            @Override
            public Set<String> replacedOn() {
                return Set.of("Name", "Port", "Protocol", "TargetType", "VpcId");
            }
        };
    }

    static ResourceProvider listener(ElasticLoadBalancingV2Client elb) {
        return new ResourceProvider() {
            @Override
            public Provisioned create(ResourceRequest request) {
                String arn = elb.createListener(ApiShapes.fill(request.properties(), CreateListenerRequest.builder()).build())
                        .listeners().get(0).listenerArn();
                return Provisioned.of(arn, "ListenerArn", arn);
            }

            @Override
            public void delete(Provisioned current, ResourceRequest request) {
                elb.deleteListener(r -> r.listenerArn(current.physicalId()));
            }

            @Override
            public Set<String> replacedOn() {
                return Set.of("LoadBalancerArn");
            }
        };
    }

}
