package dev.greenlight.local.aws.ec2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Vpc;

class Ec2TwinTest {

    private final Ec2Twin twin = new Ec2Twin(new SplittableRandom(3));
    private final Ec2Client ec2 = twin;

    @Test
    void theAccountHasADefaultVpcWithASubnetPerZoneAndADefaultGroup() {
        Vpc vpc = ec2.describeVpcs(r -> r.filters(f -> f.name("is-default").values("true"))).vpcs().get(0);
        var subnets = ec2.describeSubnets(r -> r.filters(f -> f.name("vpc-id").values(vpc.vpcId()))).subnets();
        var groups = ec2.describeSecurityGroups(r -> r.groupNames("default")).securityGroups();

        assertThat(vpc.cidrBlock()).isEqualTo("172.31.0.0/16");
        assertThat(vpc.vpcId()).matches("vpc-[0-9a-f]{17}");
        assertThat(subnets).hasSize(6).allMatch(Subnet::defaultForAz)
                .extracting(Subnet::cidrBlock).startsWith("172.31.0.0/20", "172.31.16.0/20");
        assertThat(subnets.get(0).availableIpAddressCount()).isEqualTo(4091);
        assertThat(groups).extracting(SecurityGroup::vpcId).containsExactly(vpc.vpcId());
        assertThat(groups.get(0).ipPermissionsEgress()).extracting(IpPermission::ipProtocol).containsExactly("-1");
        assertThat(ec2.describeAvailabilityZones(r -> { }).availabilityZones()).hasSize(6)
                .allMatch(zone -> zone.stateAsString().equals("available"));
        assertThat(ec2.describeInternetGateways(r -> r.filters(f -> f.name("attachment.vpc-id").values(vpc.vpcId())))
                .internetGateways()).hasSize(1);
    }

    @Test
    void aNewVpcTakesSubnetsInsideItsBlockThatDoNotOverlap() {
        String vpcId = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")
                .tagSpecifications(t -> t.resourceType("vpc").tags(tag -> tag.key("Name").value("seed")))).vpc().vpcId();
        Subnet subnet = ec2.createSubnet(r -> r.vpcId(vpcId).cidrBlock("10.0.1.0/24").availabilityZone("us-east-1b"))
                .subnet();

        assertThat(subnet.availabilityZoneId()).isEqualTo("use1-az2");
        assertThat(subnet.availableIpAddressCount()).isEqualTo(251);
        assertThat(ec2.describeVpcs(r -> r.filters(f -> f.name("tag:Name").values("se*"))).vpcs())
                .extracting(Vpc::vpcId).containsExactly(vpcId);
        assertCode("InvalidSubnet.Conflict", () -> ec2.createSubnet(r -> r.vpcId(vpcId).cidrBlock("10.0.1.128/25")));
        assertCode("InvalidSubnet.Range", () -> ec2.createSubnet(r -> r.vpcId(vpcId).cidrBlock("10.1.0.0/24")));
        assertCode("InvalidParameterValue", () -> ec2.createSubnet(r -> r.vpcId(vpcId).cidrBlock("10.0.2.0/24")
                .availabilityZone("us-east-1z")));
        assertCode("DependencyViolation", () -> ec2.deleteVpc(r -> r.vpcId(vpcId)));
    }

    @Test
    void vpcBlocksOutsideSixteenToTwentyEightOrMalformedAreRefused() {
        assertCode("InvalidVpc.Range", () -> ec2.createVpc(r -> r.cidrBlock("10.0.0.0/8")));
        assertCode("InvalidParameterValue", () -> ec2.createVpc(r -> r.cidrBlock("10.0.0.1/16")));
        assertCode("InvalidParameterValue", () -> ec2.createVpc(r -> r.cidrBlock("banana")));
    }

    @Test
    void unknownIdsAndFiltersNameEc2sCodes() {
        assertCode("InvalidVpcID.NotFound", () -> ec2.describeVpcs(r -> r.vpcIds("vpc-0123456789abcdef0")));
        assertCode("InvalidSubnetID.NotFound", () -> ec2.describeSubnets(r -> r.subnetIds("subnet-1")));
        assertCode("InvalidGroup.NotFound", () -> ec2.describeSecurityGroups(r -> r.groupIds("sg-1")));
        assertCode("InvalidParameterValue", () -> ec2.describeVpcs(r -> r.filters(f -> f.name("colour").values("x"))));
        assertThatThrownBy(() -> ec2.describeVpcs(r -> r.vpcIds("vpc-1")))
                .hasMessageContaining("The vpc ID 'vpc-1' does not exist");
    }

    @Test
    void securityGroupsAreUniqueByNamePerVpcAndKeepTheirRules() {
        String vpcId = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
        String alb = ec2.createSecurityGroup(r -> r.vpcId(vpcId).groupName("alb").description("load balancer")).groupId();
        String tasks = ec2.createSecurityGroup(r -> r.vpcId(vpcId).groupName("tasks").description("tasks")).groupId();
        Consumer<IpPermission.Builder> http = p -> p.ipProtocol("tcp").fromPort(80).toPort(80)
                .ipRanges(range -> range.cidrIp("0.0.0.0/0"));

        var added = ec2.authorizeSecurityGroupIngress(r -> r.groupId(alb).ipPermissions(http));
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(tasks).ipPermissions(p -> p.ipProtocol("tcp").fromPort(8080)
                .toPort(8080).userIdGroupPairs(pair -> pair.groupId(alb))));

        assertThat(added.returnValue()).isTrue();
        assertThat(added.securityGroupRules().get(0).securityGroupRuleId()).startsWith("sgr-");
        SecurityGroup described = ec2.describeSecurityGroups(r -> r.groupIds(tasks)).securityGroups().get(0);
        assertThat(described.ipPermissions().get(0).userIdGroupPairs().get(0).groupId()).isEqualTo(alb);
        assertCode("InvalidGroup.Duplicate", () -> ec2.createSecurityGroup(r -> r.vpcId(vpcId).groupName("alb")
                .description("again")));
        assertCode("InvalidPermission.Duplicate", () -> ec2.authorizeSecurityGroupIngress(r -> r.groupId(alb)
                .ipPermissions(http)));
        assertCode("InvalidParameterValue", () -> ec2.authorizeSecurityGroupIngress(r -> r.groupId(alb)
                .ipPermissions(p -> p.ipProtocol("tcp").ipRanges(range -> range.cidrIp("0.0.0.0/0")))));
        assertCode("InvalidParameterValue", () -> ec2.createSecurityGroup(r -> r.vpcId(vpcId).groupName("sg-x")
                .description("d")));
        assertCode("InvalidPermission.Duplicate", () -> ec2.authorizeSecurityGroupEgress(r -> r.groupId(alb)
                .ipPermissions(p -> p.ipProtocol("-1").ipRanges(range -> range.cidrIp("0.0.0.0/0")))));
    }

    @Test
    void publicSubnetsRouteThroughAnAttachedInternetGateway() {
        String vpcId = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
        String subnetId = ec2.createSubnet(r -> r.vpcId(vpcId).cidrBlock("10.0.0.0/24")).subnet().subnetId();
        String igw = ec2.createInternetGateway(r -> { }).internetGateway().internetGatewayId();
        String rtb = ec2.createRouteTable(r -> r.vpcId(vpcId)).routeTable().routeTableId();

        assertCode("InvalidParameterValue", () -> ec2.createRoute(r -> r.routeTableId(rtb)
                .destinationCidrBlock("0.0.0.0/0").gatewayId(igw)));
        ec2.attachInternetGateway(r -> r.internetGatewayId(igw).vpcId(vpcId));
        ec2.createRoute(r -> r.routeTableId(rtb).destinationCidrBlock("0.0.0.0/0").gatewayId(igw));
        String association = ec2.associateRouteTable(r -> r.routeTableId(rtb).subnetId(subnetId)).associationId();

        assertThat(association).startsWith("rtbassoc-");
        var table = ec2.describeRouteTables(r -> r.routeTableIds(rtb)).routeTables().get(0);
        assertThat(table.routes()).extracting(route -> route.gatewayId()).containsExactly("local", igw);
        assertCode("RouteAlreadyExists", () -> ec2.createRoute(r -> r.routeTableId(rtb)
                .destinationCidrBlock("0.0.0.0/0").gatewayId(igw)));
        assertCode("Resource.AlreadyAssociated", () -> ec2.attachInternetGateway(r -> r.internetGatewayId(igw)
                .vpcId(vpcId)));
        assertCode("Resource.AlreadyAssociated", () -> ec2.associateRouteTable(r -> r.routeTableId(rtb)
                .subnetId(subnetId)));
        assertCode("InvalidRouteTableID.NotFound", () -> ec2.createRoute(r -> r.routeTableId("rtb-1")
                .destinationCidrBlock("0.0.0.0/0").gatewayId(igw)));
    }

    @Test
    void anEmptyVpcCanBeDeletedWithItsDefaultGroupAndMainRouteTable() {
        String vpcId = ec2.createVpc(r -> r.cidrBlock("10.9.0.0/16")).vpc().vpcId();

        ec2.deleteVpc(r -> r.vpcId(vpcId));

        assertCode("InvalidVpcID.NotFound", () -> ec2.describeVpcs(r -> r.vpcIds(vpcId)));
        assertThat(ec2.describeSecurityGroups(r -> r.filters(f -> f.name("vpc-id").values(vpcId))).securityGroups())
                .isEmpty();
    }

    @Test
    void aNetworkComesDownInDependencyOrder() {
        String vpcId = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
        String subnetId = ec2.createSubnet(r -> r.vpcId(vpcId).cidrBlock("10.0.0.0/24")).subnet().subnetId();
        String alb = ec2.createSecurityGroup(r -> r.vpcId(vpcId).groupName("alb").description("a")).groupId();
        String tasks = ec2.createSecurityGroup(r -> r.vpcId(vpcId).groupName("tasks").description("t")).groupId();
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(tasks).ipPermissions(p -> p.ipProtocol("tcp").fromPort(80)
                .toPort(80).userIdGroupPairs(pair -> pair.groupId(alb))));
        String igw = ec2.createInternetGateway(r -> { }).internetGateway().internetGatewayId();
        ec2.attachInternetGateway(r -> r.internetGatewayId(igw).vpcId(vpcId));
        String rtb = ec2.createRouteTable(r -> r.vpcId(vpcId)).routeTable().routeTableId();
        String association = ec2.associateRouteTable(r -> r.routeTableId(rtb).subnetId(subnetId)).associationId();
        ec2.createTags(r -> r.resources(vpcId, subnetId).tags(t -> t.key("stack").value("seed")));

        assertThat(ec2.describeSubnets(r -> r.filters(f -> f.name("tag:stack").values("seed"))).subnets()).hasSize(1);
        assertCode("InvalidID", () -> ec2.createTags(r -> r.resources("thing").tags(t -> t.key("k").value("v"))));
        assertCode("DependencyViolation", () -> ec2.deleteSecurityGroup(r -> r.groupId(alb)));
        assertCode("DependencyViolation", () -> ec2.deleteInternetGateway(r -> r.internetGatewayId(igw)));
        assertCode("DependencyViolation", () -> ec2.deleteRouteTable(r -> r.routeTableId(rtb)));
        String defaultGroup = twin.defaultSecurityGroupId(vpcId);
        assertCode("CannotDelete", () -> ec2.deleteSecurityGroup(r -> r.groupId(defaultGroup)));

        ec2.disassociateRouteTable(r -> r.associationId(association));
        ec2.deleteRouteTable(r -> r.routeTableId(rtb));
        ec2.detachInternetGateway(r -> r.internetGatewayId(igw).vpcId(vpcId));
        assertCode("Gateway.NotAttached", () -> ec2.detachInternetGateway(r -> r.internetGatewayId(igw).vpcId(vpcId)));
        ec2.deleteInternetGateway(r -> r.internetGatewayId(igw));
        ec2.deleteSecurityGroup(r -> r.groupId(tasks));
        ec2.deleteSecurityGroup(r -> r.groupId(alb));
        ec2.deleteSubnet(r -> r.subnetId(subnetId));
        ec2.deleteVpc(r -> r.vpcId(vpcId));

        assertCode("InvalidVpcID.NotFound", () -> ec2.describeVpcs(r -> r.vpcIds(vpcId)));
    }

    @Test
    void dnsHostnamesNeedDnsSupportAndOneAttributeChangesAtATime() {
        String vpcId = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();

        assertThat(ec2.describeVpcAttribute(r -> r.vpcId(vpcId).attribute("enableDnsHostnames"))
                .enableDnsHostnames().value()).isFalse();
        ec2.modifyVpcAttribute(r -> r.vpcId(vpcId).enableDnsHostnames(v -> v.value(true)));
        assertThat(ec2.describeVpcAttribute(r -> r.vpcId(vpcId).attribute("enableDnsHostnames"))
                .enableDnsHostnames().value()).isTrue();
        ec2.modifyVpcAttribute(r -> r.vpcId(vpcId).enableDnsSupport(v -> v.value(false)));
        assertThat(ec2.describeVpcAttribute(r -> r.vpcId(vpcId).attribute("enableDnsHostnames"))
                .enableDnsHostnames().value()).isFalse();
        assertCode("InvalidParameterValue", () -> ec2.modifyVpcAttribute(r -> r.vpcId(vpcId)
                .enableDnsHostnames(v -> v.value(true))));
        assertCode("InvalidParameterCombination", () -> ec2.modifyVpcAttribute(r -> r.vpcId(vpcId)
                .enableDnsSupport(v -> v.value(true)).enableDnsHostnames(v -> v.value(true))));
        assertThat(ec2.describeVpcAttribute(r -> r.vpcId(twin.defaultVpcId()).attribute("enableDnsHostnames"))
                .enableDnsHostnames().value()).isTrue();
    }

    private static void assertCode(String code, Executable call) {
        assertThatThrownBy(call::execute).isInstanceOfSatisfying(Ec2Exception.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
            assertThat(e.statusCode()).isEqualTo(400);
        });
    }
}
