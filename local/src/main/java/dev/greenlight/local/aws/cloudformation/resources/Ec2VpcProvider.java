package dev.greenlight.local.aws.cloudformation.resources;

import dev.greenlight.local.aws.cloudformation.Provisioned;
import dev.greenlight.local.aws.cloudformation.ResourceProvider;
import dev.greenlight.local.aws.cloudformation.ResourceRequest;
import java.util.Set;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Vpc;

/**
 * AWS::EC2::VPC through EC2: CreateVpc and the DNS attributes. Ref is the VPC id; Fn::GetAtt
 * gives VpcId, CidrBlock and DefaultSecurityGroup. CidrBlock replaces it.
 */
final class Ec2VpcProvider implements ResourceProvider {

    private final Ec2Client ec2;

    Ec2VpcProvider(Ec2Client ec2) {
        this.ec2 = ec2;
    }

    @Override
    public Provisioned create(ResourceRequest request) {
        Vpc vpc = ec2.createVpc(r -> r.cidrBlock(request.required("CidrBlock"))).vpc();
        attributes(request, vpc.vpcId());
        String defaultGroup = ec2.describeSecurityGroups(r -> r.filters(
                Filter.builder().name("vpc-id").values(vpc.vpcId()).build(),
                Filter.builder().name("group-name").values("default").build())).securityGroups().get(0).groupId();
        return Provisioned.of(vpc.vpcId(), "VpcId", vpc.vpcId(), "CidrBlock", vpc.cidrBlock(),
                "DefaultSecurityGroup", defaultGroup);
    }

    @Override
    public Provisioned update(ResourceRequest request, Provisioned current) {
        attributes(request, current.physicalId());
        return current;
    }

    @Override
    public void delete(Provisioned current, ResourceRequest request) {
        ec2.deleteVpc(r -> r.vpcId(current.physicalId()));
    }

    @Override
    public Set<String> replacedOn() {
        return Set.of("CidrBlock", "InstanceTenancy", "Ipv4IpamPoolId");
    }

    private void attributes(ResourceRequest request, String vpcId) {
        request.text("EnableDnsSupport").ifPresent(v ->
                ec2.modifyVpcAttribute(r -> r.vpcId(vpcId).enableDnsSupport(a -> a.value(Boolean.valueOf(v)))));
        request.text("EnableDnsHostnames").ifPresent(v ->
                ec2.modifyVpcAttribute(r -> r.vpcId(vpcId).enableDnsHostnames(a -> a.value(Boolean.valueOf(v)))));
    }
}
