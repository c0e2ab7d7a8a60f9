package dev.greenlight.local.aws.cloudformation.resources;

import dev.greenlight.local.aws.cloudformation.Provisioned;
import dev.greenlight.local.aws.cloudformation.ResourceProvider;
import dev.greenlight.local.aws.cloudformation.ResourceRequest;
import java.util.Set;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Subnet;

/**
 * AWS::EC2::Subnet through EC2's CreateSubnet (MapPublicIpOnLaunch is recorded only). Ref is the
 * subnet id; Fn::GetAtt gives SubnetId, AvailabilityZone, CidrBlock and VpcId.
 */
final class Ec2SubnetProvider implements ResourceProvider {

    private final Ec2Client ec2;

    Ec2SubnetProvider(Ec2Client ec2) {
        this.ec2 = ec2;
    }

    @Override
    public Provisioned create(ResourceRequest request) {
        Subnet subnet = ec2.createSubnet(r -> r.vpcId(request.required("VpcId")).cidrBlock(request.required("CidrBlock"))
                .availabilityZone(request.text("AvailabilityZone").orElse(null))).subnet();
        return Provisioned.of(subnet.subnetId(), "SubnetId", subnet.subnetId(), "AvailabilityZone",
                subnet.availabilityZone(), "CidrBlock", subnet.cidrBlock(), "VpcId", subnet.vpcId());
    }

    @Override
    public void delete(Provisioned current, ResourceRequest request) {
        ec2.deleteSubnet(r -> r.subnetId(current.physicalId()));
    }

    @Override
    public Set<String> replacedOn() {
        return Set.of("VpcId", "CidrBlock", "AvailabilityZone", "AvailabilityZoneId", "Ipv6CidrBlock");
    }
}
