package dev.greenlight.local.aws.elbv2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.local.aws.ec2.Ec2Twin;
import dev.greenlight.local.clock.VirtualClock;
import dev.greenlight.local.fleet.Fleet;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.AvailabilityZone;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;

/** DescribeLoadBalancers answers every field AWS returns, its zones and VPC taken from EC2's subnets. */
class LoadBalancerDescriptionTest {

    private final VirtualClock clock = new VirtualClock();
    private final Fleet fleet = Fleet.virtualTime(clock, (namespace, data) -> { });
    private final Ec2Twin ec2 = new Ec2Twin(new SplittableRandom(5));
    private final ElbV2Twin elb = new ElbV2Twin(clock, fleet, subnetId -> ec2.subnet(subnetId).map(subnet ->
            new SubnetPlacements.Placement(subnet.availabilityZone(), subnet.vpcId(),
                    ec2.defaultSecurityGroupId(subnet.vpcId()))));

    @AfterEach
    void stop() {
        fleet.close();
    }

    @Test
    void aLoadBalancerInEc2SubnetsShowsTheirZonesVpcAndTheDefaultGroup() {
        String vpc = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
        String a = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.0.0/24").availabilityZone("us-east-1a"))
                .subnet().subnetId();
        String b = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.1.0/24").availabilityZone("us-east-1c"))
                .subnet().subnetId();
        elb.createLoadBalancer(r -> r.name("seed-alb").subnets(a, b));

        LoadBalancer lb = elb.describeLoadBalancers(r -> r.names("seed-alb")).loadBalancers().get(0);

        assertThat(lb.availabilityZones()).extracting(AvailabilityZone::zoneName, AvailabilityZone::subnetId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("us-east-1a", a),
                        org.assertj.core.groups.Tuple.tuple("us-east-1c", b));
        assertThat(lb.vpcId()).isEqualTo(vpc);
        assertThat(lb.securityGroups()).containsExactly(ec2.defaultSecurityGroupId(vpc));
        assertThat(lb.canonicalHostedZoneId()).isEqualTo("Z35SXDOTRQ7X7K");
        assertThat(lb.dnsName()).startsWith("seed-alb-");
        assertThat(lb.state().codeAsString()).isEqualTo("active");
        assertThat(lb.ipAddressTypeAsString()).isEqualTo("ipv4");
        assertThat(lb.schemeAsString()).isEqualTo("internet-facing");
    }

    @Test
    void givenSecurityGroupsAreKeptAndUnknownSubnetsStillGetZones() {
        elb.createLoadBalancer(r -> r.name("demo").subnets("subnet-x", "subnet-y").securityGroups("sg-1"));

        LoadBalancer lb = elb.describeLoadBalancers(r -> { }).loadBalancers().get(0);

        assertThat(lb.availabilityZones()).extracting(AvailabilityZone::zoneName)
                .containsExactly("us-east-1a", "us-east-1b");
        assertThat(lb.securityGroups()).containsExactly("sg-1");
    }
}
