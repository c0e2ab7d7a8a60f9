package dev.greenlight.local.aws.elbv2;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.AvailabilityZone;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;

/**
 * A load balancer's zones, VPC and security groups from its subnets, as DescribeLoadBalancers
 * shows them: one AvailabilityZone per subnet, the VPC of its subnets, the security groups it
 * was given or else its VPC's default group. Subnets the EC2 twin does not know (the demo
 * service's made-up ids) are placed in us-east-1a, b, ... in the order given, with no VPC.
 */
final class LoadBalancerPlacement {

    private static final String ZONES = "abcdef";

    private LoadBalancerPlacement() {
    }

    static LoadBalancer place(LoadBalancer lb, List<String> subnetIds, List<String> securityGroups,
            SubnetPlacements subnets) {
        List<AvailabilityZone> zones = new ArrayList<>();
        Set<String> vpcs = new LinkedHashSet<>();
        Set<String> defaultGroups = new LinkedHashSet<>();
        for (int i = 0; i < subnetIds.size(); i++) {
            String subnetId = subnetIds.get(i);
            Optional<SubnetPlacements.Placement> placement = subnets.of(subnetId);
            String zone = placement.map(SubnetPlacements.Placement::zone)
                    .orElse("us-east-1" + ZONES.charAt(i % ZONES.length()));
            placement.ifPresent(p -> {
                vpcs.add(p.vpcId());
                defaultGroups.add(p.defaultSecurityGroupId());
            });
            zones.add(AvailabilityZone.builder().zoneName(zone).subnetId(subnetId).loadBalancerAddresses(List.of())
                    .build());
        }
        // ELB's wording for subnets of two VPCs is not published.
        if (vpcs.size() > 1) {
            throw ElbErrors.validation("The subnets must all be in the same VPC");
        }
        return lb.toBuilder()
                .availabilityZones(zones)
                .vpcId(vpcs.stream().findFirst().orElse(null))
                .securityGroups(!securityGroups.isEmpty() ? securityGroups : List.copyOf(defaultGroups))
                .build();
    }
}
