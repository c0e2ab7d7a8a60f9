package dev.greenlight.local.aws.ec2;

import dev.greenlight.local.testing.RequiredTool;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.local.gateway.AwsCli;
import dev.greenlight.local.gateway.SdkClients;
import dev.greenlight.local.gateway.WireGateway;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;

/** The EC2 query protocol over the wire: the stock AWS CLI and the SDK's own Ec2Client against the twin. */
class Ec2OverTheCliTest {

    private final WireGateway gateway = WireGateway.builder().register(Ec2Client.class, new Ec2Twin(new SplittableRandom(3))).start(0);
    private final AwsCli aws = new AwsCli(gateway.port());

    @BeforeAll
    static void needsTheCli() {
        RequiredTool.assume(AwsCli.installed(), "the AWS CLI (aws) is not on PATH: the CLI tests are skipped");
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void theSeedNetworkBuildsWithTheCli() throws Exception {
        assertThat(aws.run("ec2", "describe-vpcs", "--filters", "Name=is-default,Values=true").json()
                .at("/Vpcs/0/CidrBlock").asText()).isEqualTo("172.31.0.0/16");
        String vpc = aws.run("ec2", "create-vpc", "--cidr-block", "10.0.0.0/16").json().at("/Vpc/VpcId").asText();
        String subnet = aws.run("ec2", "create-subnet", "--vpc-id", vpc, "--cidr-block", "10.0.1.0/24",
                "--availability-zone", "us-east-1a").json().at("/Subnet/SubnetId").asText();
        String group = aws.run("ec2", "create-security-group", "--group-name", "alb", "--description", "ALB",
                "--vpc-id", vpc).json().get("GroupId").asText();
        aws.run("ec2", "authorize-security-group-ingress", "--group-id", group, "--protocol", "tcp", "--port", "80",
                "--cidr", "0.0.0.0/0").json();
        String igw = aws.run("ec2", "create-internet-gateway").json().at("/InternetGateway/InternetGatewayId").asText();
        aws.run("ec2", "attach-internet-gateway", "--internet-gateway-id", igw, "--vpc-id", vpc);
        String rtb = aws.run("ec2", "create-route-table", "--vpc-id", vpc).json().at("/RouteTable/RouteTableId").asText();
        aws.run("ec2", "create-route", "--route-table-id", rtb, "--destination-cidr-block", "0.0.0.0/0",
                "--gateway-id", igw).json();
        aws.run("ec2", "associate-route-table", "--route-table-id", rtb, "--subnet-id", subnet).json();
        aws.run("ec2", "modify-vpc-attribute", "--vpc-id", vpc, "--enable-dns-hostnames", "{\"Value\":true}");

        JsonNode groups = aws.run("ec2", "describe-security-groups", "--group-ids", group).json();
        assertThat(groups.at("/SecurityGroups/0/IpPermissions/0/FromPort").asInt()).isEqualTo(80);
        assertThat(groups.at("/SecurityGroups/0/IpPermissions/0/IpRanges/0/CidrIp").asText()).isEqualTo("0.0.0.0/0");
        assertThat(aws.run("ec2", "describe-subnets", "--subnet-ids", subnet).json().at("/Subnets/0/VpcId").asText())
                .isEqualTo(vpc);
        assertThat(aws.run("ec2", "describe-availability-zones").json().at("/AvailabilityZones/0/ZoneName").asText())
                .isEqualTo("us-east-1a");
        assertThat(aws.run("ec2", "describe-vpc-attribute", "--vpc-id", vpc, "--attribute", "enableDnsHostnames")
                .json().at("/EnableDnsHostnames/Value").asBoolean()).isTrue();
        assertThat(aws.run("ec2", "describe-route-tables", "--route-table-ids", rtb).json()
                .at("/RouteTables/0/Associations/0/SubnetId").asText()).isEqualTo(subnet);
    }

    @Test
    void refusalsNameEc2sCodes() throws Exception {
        assertThat(aws.run("ec2", "describe-vpcs", "--vpc-ids", "vpc-0123456789abcdef0").stderr())
                .contains("(InvalidVpcID.NotFound)").contains("The vpc ID 'vpc-0123456789abcdef0' does not exist");
        aws.run("ec2", "create-security-group", "--group-name", "web", "--description", "w").json();
        assertThat(aws.run("ec2", "create-security-group", "--group-name", "web", "--description", "w").stderr())
                .contains("(InvalidGroup.Duplicate)");
    }

    @Test
    void theSdkClientReadsAnswersAndErrors() {
        try (Ec2Client client = SdkClients.against(gateway, Ec2Client.builder())) {
            String vpc = client.createVpc(r -> r.cidrBlock("10.0.0.0/16")
                    .tagSpecifications(t -> t.resourceType("vpc").tags(tag -> tag.key("Name").value("seed")))).vpc().vpcId();

            var described = client.describeVpcs(r -> r.filters(f -> f.name("tag:Name").values("seed"))).vpcs();

            assertThat(described).hasSize(1);
            assertThat(described.get(0).vpcId()).isEqualTo(vpc);
            assertThat(described.get(0).tags().get(0).value()).isEqualTo("seed");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.describeVpcs(r -> r.vpcIds("vpc-1")))
                    .isInstanceOfSatisfying(Ec2Exception.class,
                            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidVpcID.NotFound"));
        }
    }
}
