package dev.greenlight.local.aws.elbv2;

import java.util.Optional;

/**
 * Where a subnet is, as EC2 knows it: the zone a load balancer node in it serves, its VPC, and
 * the VPC's default security group (which a load balancer gets when it names none).
 */
@FunctionalInterface
public interface SubnetPlacements {

    Optional<Placement> of(String subnetId);

    /** For a twin without EC2: no subnet is known. */
    static SubnetPlacements none() {
        return subnetId -> Optional.empty();
    }

    record Placement(String zone, String vpcId, String defaultSecurityGroupId) {
    }
}
