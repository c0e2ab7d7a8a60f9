package dev.greenlight.local.aws.ec2;

import dev.greenlight.local.aws.LocalAccount;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AssociateRouteTableRequest;
import software.amazon.awssdk.services.ec2.model.AssociateRouteTableResponse;
import software.amazon.awssdk.services.ec2.model.AttachInternetGatewayRequest;
import software.amazon.awssdk.services.ec2.model.AttachInternetGatewayResponse;
import software.amazon.awssdk.services.ec2.model.AuthorizeSecurityGroupEgressRequest;
import software.amazon.awssdk.services.ec2.model.AuthorizeSecurityGroupEgressResponse;
import software.amazon.awssdk.services.ec2.model.AuthorizeSecurityGroupIngressRequest;
import software.amazon.awssdk.services.ec2.model.AuthorizeSecurityGroupIngressResponse;
import software.amazon.awssdk.services.ec2.model.CreateInternetGatewayRequest;
import software.amazon.awssdk.services.ec2.model.CreateInternetGatewayResponse;
import software.amazon.awssdk.services.ec2.model.CreateRouteRequest;
import software.amazon.awssdk.services.ec2.model.CreateRouteResponse;
import software.amazon.awssdk.services.ec2.model.CreateRouteTableRequest;
import software.amazon.awssdk.services.ec2.model.CreateRouteTableResponse;
import software.amazon.awssdk.services.ec2.model.CreateSecurityGroupRequest;
import software.amazon.awssdk.services.ec2.model.CreateSecurityGroupResponse;
import software.amazon.awssdk.services.ec2.model.CreateSubnetRequest;
import software.amazon.awssdk.services.ec2.model.CreateSubnetResponse;
import software.amazon.awssdk.services.ec2.model.CreateTagsRequest;
import software.amazon.awssdk.services.ec2.model.CreateTagsResponse;
import software.amazon.awssdk.services.ec2.model.CreateVpcRequest;
import software.amazon.awssdk.services.ec2.model.CreateVpcResponse;
import software.amazon.awssdk.services.ec2.model.DeleteInternetGatewayRequest;
import software.amazon.awssdk.services.ec2.model.DeleteInternetGatewayResponse;
import software.amazon.awssdk.services.ec2.model.DeleteRouteTableRequest;
import software.amazon.awssdk.services.ec2.model.DeleteRouteTableResponse;
import software.amazon.awssdk.services.ec2.model.DeleteSecurityGroupRequest;
import software.amazon.awssdk.services.ec2.model.DeleteSecurityGroupResponse;
import software.amazon.awssdk.services.ec2.model.DeleteSubnetRequest;
import software.amazon.awssdk.services.ec2.model.DeleteSubnetResponse;
import software.amazon.awssdk.services.ec2.model.DeleteVpcRequest;
import software.amazon.awssdk.services.ec2.model.DeleteVpcResponse;
import software.amazon.awssdk.services.ec2.model.DescribeAvailabilityZonesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeAvailabilityZonesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeInternetGatewaysRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInternetGatewaysResponse;
import software.amazon.awssdk.services.ec2.model.DescribeRouteTablesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeRouteTablesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSubnetsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSubnetsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpcAttributeRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcAttributeResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsResponse;
import software.amazon.awssdk.services.ec2.model.DetachInternetGatewayRequest;
import software.amazon.awssdk.services.ec2.model.DetachInternetGatewayResponse;
import software.amazon.awssdk.services.ec2.model.DisassociateRouteTableRequest;
import software.amazon.awssdk.services.ec2.model.DisassociateRouteTableResponse;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.InternetGateway;
import software.amazon.awssdk.services.ec2.model.InternetGatewayAttachment;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.ModifyVpcAttributeRequest;
import software.amazon.awssdk.services.ec2.model.ModifyVpcAttributeResponse;
import software.amazon.awssdk.services.ec2.model.Route;
import software.amazon.awssdk.services.ec2.model.RouteOrigin;
import software.amazon.awssdk.services.ec2.model.RouteState;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.RouteTableAssociation;
import software.amazon.awssdk.services.ec2.model.RevokeSecurityGroupEgressRequest;
import software.amazon.awssdk.services.ec2.model.RevokeSecurityGroupEgressResponse;
import software.amazon.awssdk.services.ec2.model.RevokeSecurityGroupIngressRequest;
import software.amazon.awssdk.services.ec2.model.RevokeSecurityGroupIngressResponse;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.SubnetState;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.ec2.model.Tenancy;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.ec2.model.VpcCidrBlockAssociation;
import software.amazon.awssdk.services.ec2.model.VpcCidrBlockState;
import software.amazon.awssdk.services.ec2.model.VpcCidrBlockStateCode;
import software.amazon.awssdk.services.ec2.model.VpcState;

/**
 * EC2 networking as records, with no packet ever filtered: the account's default VPC (172.31.0.0/16,
 * a default /20 subnet in each zone, its default security group, main route table and attached
 * internet gateway), VPCs, subnets, security groups and their rules, internet gateways and route
 * tables, validated as the EC2 API reference documents (VPC and subnet blocks /16 to /28, subnets
 * inside their VPC and not overlapping, group names unique per VPC, dependencies before deletion)
 * with its error codes. Describe calls take ids and the filters each resource documents.
 */
public final class Ec2Twin implements Ec2Client {

    private static final String DEFAULT_VPC_CIDR = "172.31.0.0/16";
    private static final Set<String> VPC_FILTERS = Set.of("vpc-id", "cidr", "cidr-block-association.cidr-block",
            "is-default", "state", "owner-id", "dhcp-options-id");
    private static final Set<String> SUBNET_FILTERS = Set.of("subnet-id", "vpc-id", "cidr-block", "availability-zone",
            "availability-zone-id", "default-for-az", "state", "owner-id");
    private static final Set<String> GROUP_FILTERS = Set.of("group-id", "group-name", "vpc-id", "description",
            "owner-id");
    private static final Set<String> GATEWAY_FILTERS = Set.of("internet-gateway-id", "attachment.vpc-id",
            "attachment.state", "owner-id");
    private static final Set<String> ROUTE_TABLE_FILTERS = Set.of("route-table-id", "vpc-id", "association.main",
            "association.subnet-id", "owner-id");

    private final RandomGenerator random;
    private final Map<String, Vpc> vpcs = new LinkedHashMap<>();
    private final Map<String, VpcDns> dns = new LinkedHashMap<>();
    private final Map<String, Subnet> subnets = new LinkedHashMap<>();
    private final Map<String, SecurityGroup> groups = new LinkedHashMap<>();
    private final SecurityGroupRules rules;
    private final Map<String, InternetGateway> gateways = new LinkedHashMap<>();
    private final Map<String, RouteTable> routeTables = new LinkedHashMap<>();
    private final String defaultVpcId;

    public Ec2Twin(RandomGenerator random) {
        this.random = Objects.requireNonNull(random, "random");
        this.rules = new SecurityGroupRules(this::id);
        this.defaultVpcId = provisionDefaultVpc();
    }

    public String defaultVpcId() {
        return defaultVpcId;
    }

    /** For the twins that place things in subnets (load balancers): the subnet, if it exists. */
    public synchronized Optional<Subnet> subnet(String subnetId) {
        return Optional.ofNullable(subnetId).map(subnets::get);
    }

    /** The {@code default} security group every VPC has. */
    public synchronized String defaultSecurityGroupId(String vpcId) {
        return groups.values().stream().filter(g -> g.vpcId().equals(vpcId) && g.groupName().equals("default"))
                .map(SecurityGroup::groupId).findFirst().orElseThrow(() -> Ec2Errors.notFound("vpc", vpcId));
    }

    @Override
    public synchronized DescribeAvailabilityZonesResponse describeAvailabilityZones(DescribeAvailabilityZonesRequest request) {
        return DescribeAvailabilityZonesResponse.builder().availabilityZones(AvailabilityZones.describe(
                request.zoneNames(), request.zoneIds(), request.filters())).build();
    }

    @Override
    public synchronized CreateVpcResponse createVpc(CreateVpcRequest request) {
        Cidr cidr = block("cidrBlock", request.cidrBlock());
        Vpc vpc = newVpc(cidr, false, tags(request.tagSpecifications(), "vpc"));
        return CreateVpcResponse.builder().vpc(vpc.toBuilder().state(VpcState.PENDING).build()).build();
    }

    @Override
    public synchronized DescribeVpcsResponse describeVpcs(DescribeVpcsRequest request) {
        List<Vpc> found = described(vpcs, request.vpcIds(), "vpc", request.filters(), vpc -> Map.of(
                "vpc-id", List.of(vpc.vpcId()), "cidr", List.of(vpc.cidrBlock()),
                "cidr-block-association.cidr-block", List.of(vpc.cidrBlock()),
                "is-default", List.of(vpc.isDefault().toString()), "state", List.of(vpc.stateAsString()),
                "owner-id", List.of(LocalAccount.ID), "dhcp-options-id", List.of(vpc.dhcpOptionsId())),
                Vpc::tags, VPC_FILTERS);
        return DescribeVpcsResponse.builder().vpcs(found).build();
    }

    @Override
    public synchronized DeleteVpcResponse deleteVpc(DeleteVpcRequest request) {
        Vpc vpc = existing(vpcs, "vpc", request.vpcId());
        boolean dependencies = subnets.values().stream().anyMatch(s -> s.vpcId().equals(vpc.vpcId()))
                || groups.values().stream().anyMatch(g -> g.vpcId().equals(vpc.vpcId()) && !g.groupName().equals("default"))
                || gateways.values().stream().anyMatch(g -> attachedTo(g, vpc.vpcId()))
                || routeTables.values().stream().anyMatch(t -> t.vpcId().equals(vpc.vpcId()) && !isMain(t));
        if (dependencies) {
            throw Ec2Errors.of("DependencyViolation", "The vpc '" + vpc.vpcId() + "' has dependencies and cannot be deleted.");
        }
        vpcs.remove(vpc.vpcId());
        dns.remove(vpc.vpcId());
        groups.values().removeIf(g -> g.vpcId().equals(vpc.vpcId()));
        routeTables.values().removeIf(t -> t.vpcId().equals(vpc.vpcId()));
        return DeleteVpcResponse.builder().build();
    }

    /**
     * One DNS attribute a request, and hostnames only with DNS support, as ModifyVpcAttribute
     * documents; the error wording is EC2's as observed, not published.
     */
    @Override
    public synchronized ModifyVpcAttributeResponse modifyVpcAttribute(ModifyVpcAttributeRequest request) {
        Vpc vpc = existing(vpcs, "vpc", required("VpcId", request.vpcId()));
        VpcDns current = dns.get(vpc.vpcId());
        Boolean support = request.enableDnsSupport() == null ? null : request.enableDnsSupport().value();
        Boolean hostnames = request.enableDnsHostnames() == null ? null : request.enableDnsHostnames().value();
        if (support != null && hostnames != null) {
            throw Ec2Errors.of("InvalidParameterCombination", "Only one attribute can be modified at a time");
        }
        if (support == null && hostnames == null) {
            throw Ec2Errors.missing("an attribute to modify");
        }
        VpcDns next = support != null ? new VpcDns(support, current.hostnames() && support)
                : new VpcDns(current.support(), hostnames);
        if (next.hostnames() && !next.support()) {
            throw Ec2Errors.invalidValue("enableDnsHostnames", true,
                    "DNS hostnames can only be enabled when DNS support is enabled.");
        }
        dns.put(vpc.vpcId(), next);
        return ModifyVpcAttributeResponse.builder().build();
    }

    @Override
    public synchronized DescribeVpcAttributeResponse describeVpcAttribute(DescribeVpcAttributeRequest request) {
        Vpc vpc = existing(vpcs, "vpc", required("VpcId", request.vpcId()));
        VpcDns current = dns.get(vpc.vpcId());
        DescribeVpcAttributeResponse.Builder response = DescribeVpcAttributeResponse.builder().vpcId(vpc.vpcId());
        switch (request.attributeAsString() == null ? "" : request.attributeAsString()) {
            case "enableDnsSupport" -> response.enableDnsSupport(v -> v.value(current.support()));
            case "enableDnsHostnames" -> response.enableDnsHostnames(v -> v.value(current.hostnames()));
            case "enableNetworkAddressUsageMetrics" -> response.enableNetworkAddressUsageMetrics(v -> v.value(false));
            default -> throw Ec2Errors.invalidValue("attribute", request.attributeAsString(),
                    "Valid values: enableDnsSupport, enableDnsHostnames, enableNetworkAddressUsageMetrics.");
        }
        return response.build();
    }

    @Override
    public synchronized CreateSubnetResponse createSubnet(CreateSubnetRequest request) {
        Vpc vpc = existing(vpcs, "vpc", required("VpcId", request.vpcId()));
        Cidr cidr = Cidr.parse(request.cidrBlock()).orElseThrow(() ->
                Ec2Errors.invalidValue("cidrBlock", request.cidrBlock(), "This is not a valid CIDR block."));
        if (!Cidr.parse(vpc.cidrBlock()).orElseThrow().contains(cidr) || cidr.prefix() < 16 || cidr.prefix() > 28) {
            throw Ec2Errors.of("InvalidSubnet.Range", "The CIDR '" + cidr + "' is invalid.");
        }
        if (subnets.values().stream().filter(s -> s.vpcId().equals(vpc.vpcId()))
                .anyMatch(s -> Cidr.parse(s.cidrBlock()).orElseThrow().overlaps(cidr))) {
            throw Ec2Errors.of("InvalidSubnet.Conflict", "The CIDR '" + cidr + "' conflicts with another subnet");
        }
        String zone = AvailabilityZones.resolve(request.availabilityZone(), request.availabilityZoneId(), random);
        Subnet subnet = newSubnet(vpc.vpcId(), cidr, zone, false, tags(request.tagSpecifications(), "subnet"));
        return CreateSubnetResponse.builder().subnet(subnet).build();
    }

    @Override
    public synchronized DescribeSubnetsResponse describeSubnets(DescribeSubnetsRequest request) {
        List<Subnet> found = described(subnets, request.subnetIds(), "subnet", request.filters(), subnet -> Map.of(
                "subnet-id", List.of(subnet.subnetId()), "vpc-id", List.of(subnet.vpcId()),
                "cidr-block", List.of(subnet.cidrBlock()), "availability-zone", List.of(subnet.availabilityZone()),
                "availability-zone-id", List.of(subnet.availabilityZoneId()),
                "default-for-az", List.of(subnet.defaultForAz().toString()), "state", List.of(subnet.stateAsString()),
                "owner-id", List.of(LocalAccount.ID)), Subnet::tags, SUBNET_FILTERS);
        return DescribeSubnetsResponse.builder().subnets(found).build();
    }

    @Override
    public synchronized CreateSecurityGroupResponse createSecurityGroup(CreateSecurityGroupRequest request) {
        String name = required("GroupName", request.groupName());
        String description = required("GroupDescription", request.description());
        if (name.length() > 255 || description.length() > 255) {
            throw Ec2Errors.invalidValue(name.length() > 255 ? "groupName" : "description", name,
                    "Length must be between 1 and 255 characters.");
        }
        if (name.startsWith("sg-")) {
            throw Ec2Errors.invalidValue("groupName", name, "Group names may not be in the format sg-*.");
        }
        String vpcId = request.vpcId() == null ? defaultVpcId : existing(vpcs, "vpc", request.vpcId()).vpcId();
        if (groups.values().stream().anyMatch(g -> g.vpcId().equals(vpcId) && g.groupName().equals(name))) {
            throw Ec2Errors.of("InvalidGroup.Duplicate", "The security group '" + name + "' already exists for VPC '"
                    + vpcId + "'");
        }
        SecurityGroup group = newGroup(vpcId, name, description, tags(request.tagSpecifications(), "security-group"));
        return CreateSecurityGroupResponse.builder().groupId(group.groupId()).tags(group.tags())
                .securityGroupArn(LocalAccount.arn("ec2", "security-group/" + group.groupId())).build();
    }

    @Override
    public synchronized DescribeSecurityGroupsResponse describeSecurityGroups(DescribeSecurityGroupsRequest request) {
        for (String name : request.groupNames()) {
            if (groups.values().stream().noneMatch(g -> g.vpcId().equals(defaultVpcId) && g.groupName().equals(name))) {
                throw Ec2Errors.of("InvalidGroup.NotFound", "The security group '" + name
                        + "' does not exist in default VPC '" + defaultVpcId + "'");
            }
        }
        List<SecurityGroup> found = described(groups, request.groupIds(), "security-group", request.filters(),
                group -> Map.of("group-id", List.of(group.groupId()), "group-name", List.of(group.groupName()),
                        "vpc-id", List.of(group.vpcId()), "description", List.of(group.description()),
                        "owner-id", List.of(LocalAccount.ID)), SecurityGroup::tags, GROUP_FILTERS)
                .stream()
                .filter(g -> !request.hasGroupNames() || (g.vpcId().equals(defaultVpcId)
                        && request.groupNames().contains(g.groupName())))
                .map(g -> g.toBuilder().ipPermissions(rules.permissions(g.groupId(), false))
                        .ipPermissionsEgress(rules.permissions(g.groupId(), true)).build())
                .toList();
        return DescribeSecurityGroupsResponse.builder().securityGroups(found).build();
    }

    @Override
    public synchronized AuthorizeSecurityGroupIngressResponse authorizeSecurityGroupIngress(
            AuthorizeSecurityGroupIngressRequest request) {
        SecurityGroup group = request.groupId() != null ? existing(groups, "security-group", request.groupId())
                : groupInDefaultVpc(required("GroupId", request.groupName()));
        List<IpPermission> permissions = new ArrayList<>(request.ipPermissions());
        if (request.ipProtocol() != null) {
            permissions.add(IpPermission.builder().ipProtocol(request.ipProtocol()).fromPort(request.fromPort())
                    .toPort(request.toPort()).ipRanges(request.cidrIp() == null ? List.of()
                            : List.of(IpRange.builder().cidrIp(request.cidrIp()).build())).build());
        }
        return AuthorizeSecurityGroupIngressResponse.builder().returnValue(true)
                .securityGroupRules(rules.authorize(group.groupId(), false, permissions, this::groupExists)).build();
    }

    @Override
    public synchronized AuthorizeSecurityGroupEgressResponse authorizeSecurityGroupEgress(
            AuthorizeSecurityGroupEgressRequest request) {
        SecurityGroup group = existing(groups, "security-group", required("GroupId", request.groupId()));
        return AuthorizeSecurityGroupEgressResponse.builder().returnValue(true)
                .securityGroupRules(rules.authorize(group.groupId(), true, request.ipPermissions(), this::groupExists))
                .build();
    }

    /** By SecurityGroupRuleIds only; revoking by IpPermissions is not modelled. */
    @Override
    public synchronized RevokeSecurityGroupIngressResponse revokeSecurityGroupIngress(
            RevokeSecurityGroupIngressRequest request) {
        revoke(request.groupId(), false, request.securityGroupRuleIds(), request.hasIpPermissions());
        return RevokeSecurityGroupIngressResponse.builder().returnValue(true).build();
    }

    /** By SecurityGroupRuleIds only; revoking by IpPermissions is not modelled. */
    @Override
    public synchronized RevokeSecurityGroupEgressResponse revokeSecurityGroupEgress(
            RevokeSecurityGroupEgressRequest request) {
        revoke(request.groupId(), true, request.securityGroupRuleIds(), request.hasIpPermissions());
        return RevokeSecurityGroupEgressResponse.builder().returnValue(true).build();
    }

    private void revoke(String groupId, boolean egress, List<String> ruleIds, boolean byPermissions) {
        SecurityGroup group = existing(groups, "security-group", required("GroupId", groupId));
        if (byPermissions) {
            throw new UnsupportedOperationException("the local EC2 twin revokes rules by SecurityGroupRuleIds only");
        }
        rules.revoke(group.groupId(), egress, ruleIds);
    }

    @Override
    public synchronized CreateInternetGatewayResponse createInternetGateway(CreateInternetGatewayRequest request) {
        InternetGateway gateway = InternetGateway.builder().internetGatewayId(id("igw")).ownerId(LocalAccount.ID)
                .attachments(List.of()).tags(tags(request.tagSpecifications(), "internet-gateway")).build();
        gateways.put(gateway.internetGatewayId(), gateway);
        return CreateInternetGatewayResponse.builder().internetGateway(gateway).build();
    }

    @Override
    public synchronized AttachInternetGatewayResponse attachInternetGateway(AttachInternetGatewayRequest request) {
        InternetGateway gateway = existing(gateways, "internet-gateway", required("InternetGatewayId",
                request.internetGatewayId()));
        Vpc vpc = existing(vpcs, "vpc", required("VpcId", request.vpcId()));
        if (!gateway.attachments().isEmpty()) {
            throw Ec2Errors.of("Resource.AlreadyAssociated", "resource " + gateway.internetGatewayId()
                    + " is already attached to network " + gateway.attachments().get(0).vpcId());
        }
        if (gateways.values().stream().anyMatch(g -> attachedTo(g, vpc.vpcId()))) {
            throw Ec2Errors.invalidValue("vpcId", vpc.vpcId(), "Network " + vpc.vpcId()
                    + " already has an internet gateway attached");
        }
        attach(gateway, vpc.vpcId());
        return AttachInternetGatewayResponse.builder().build();
    }

    @Override
    public synchronized DescribeInternetGatewaysResponse describeInternetGateways(DescribeInternetGatewaysRequest request) {
        List<InternetGateway> found = described(gateways, request.internetGatewayIds(), "internet-gateway",
                request.filters(), gateway -> Map.of("internet-gateway-id", List.of(gateway.internetGatewayId()),
                        "attachment.vpc-id", gateway.attachments().stream().map(InternetGatewayAttachment::vpcId).toList(),
                        "attachment.state", gateway.attachments().stream().map(a -> "available").toList(),
                        "owner-id", List.of(LocalAccount.ID)), InternetGateway::tags, GATEWAY_FILTERS);
        return DescribeInternetGatewaysResponse.builder().internetGateways(found).build();
    }

    @Override
    public synchronized CreateRouteTableResponse createRouteTable(CreateRouteTableRequest request) {
        Vpc vpc = existing(vpcs, "vpc", required("VpcId", request.vpcId()));
        RouteTable table = newRouteTable(vpc, false, tags(request.tagSpecifications(), "route-table"));
        return CreateRouteTableResponse.builder().routeTable(table).build();
    }

    @Override
    public synchronized CreateRouteResponse createRoute(CreateRouteRequest request) {
        RouteTable table = existing(routeTables, "route-table", required("RouteTableId", request.routeTableId()));
        Cidr destination = Cidr.parse(request.destinationCidrBlock()).orElseThrow(() -> Ec2Errors.invalidValue(
                "destinationCidrBlock", request.destinationCidrBlock(), "This is not a valid CIDR block."));
        if (table.routes().stream().anyMatch(r -> destination.toString().equals(r.destinationCidrBlock()))) {
            throw Ec2Errors.of("RouteAlreadyExists", "The route identified by " + destination + " already exists.");
        }
        if (request.gatewayId() == null) {
            throw Ec2Errors.missing("a target (the twin routes to internet gateways only)");
        }
        InternetGateway gateway = existing(gateways, "internet-gateway", request.gatewayId());
        if (!attachedTo(gateway, table.vpcId())) {
            throw Ec2Errors.invalidValue("gatewayId", gateway.internetGatewayId(), "route table " + table.routeTableId()
                    + " and network gateway " + gateway.internetGatewayId() + " belong to different networks");
        }
        Route route = Route.builder().destinationCidrBlock(destination.toString()).gatewayId(gateway.internetGatewayId())
                .origin(RouteOrigin.CREATE_ROUTE).state(RouteState.ACTIVE).build();
        List<Route> routes = new ArrayList<>(table.routes());
        routes.add(route);
        routeTables.put(table.routeTableId(), table.toBuilder().routes(routes).build());
        return CreateRouteResponse.builder().returnValue(true).build();
    }

    @Override
    public synchronized AssociateRouteTableResponse associateRouteTable(AssociateRouteTableRequest request) {
        RouteTable table = existing(routeTables, "route-table", required("RouteTableId", request.routeTableId()));
        Subnet subnet = existing(subnets, "subnet", required("SubnetId", request.subnetId()));
        if (!subnet.vpcId().equals(table.vpcId())) {
            throw Ec2Errors.invalidValue("subnetId", subnet.subnetId(), "route table " + table.routeTableId()
                    + " and subnet " + subnet.subnetId() + " belong to different networks");
        }
        if (routeTables.values().stream().flatMap(t -> t.associations().stream())
                .anyMatch(a -> subnet.subnetId().equals(a.subnetId()))) {
            throw Ec2Errors.of("Resource.AlreadyAssociated", "the specified association for route table "
                    + table.routeTableId() + " conflicts with an existing association");
        }
        RouteTableAssociation association = RouteTableAssociation.builder().routeTableAssociationId(id("rtbassoc"))
                .routeTableId(table.routeTableId()).subnetId(subnet.subnetId()).main(false)
                .associationState(s -> s.state("associated")).build();
        List<RouteTableAssociation> associations = new ArrayList<>(table.associations());
        associations.add(association);
        routeTables.put(table.routeTableId(), table.toBuilder().associations(associations).build());
        return AssociateRouteTableResponse.builder().associationId(association.routeTableAssociationId())
                .associationState(association.associationState()).build();
    }

    @Override
    public synchronized DescribeRouteTablesResponse describeRouteTables(DescribeRouteTablesRequest request) {
        List<RouteTable> found = described(routeTables, request.routeTableIds(), "route-table", request.filters(),
                table -> Map.of("route-table-id", List.of(table.routeTableId()), "vpc-id", List.of(table.vpcId()),
                        "association.main", List.of(Boolean.toString(isMain(table))),
                        "association.subnet-id", table.associations().stream().map(RouteTableAssociation::subnetId)
                                .filter(Objects::nonNull).toList(),
                        "owner-id", List.of(LocalAccount.ID)), RouteTable::tags, ROUTE_TABLE_FILTERS);
        return DescribeRouteTablesResponse.builder().routeTables(found).build();
    }

    @Override
    public synchronized DeleteSubnetResponse deleteSubnet(DeleteSubnetRequest request) {
        Subnet subnet = existing(subnets, "subnet", required("SubnetId", request.subnetId()));
        subnets.remove(subnet.subnetId());
        routeTables.replaceAll((id, table) -> table.toBuilder().associations(table.associations().stream()
                .filter(a -> !subnet.subnetId().equals(a.subnetId())).toList()).build());
        return DeleteSubnetResponse.builder().build();
    }

    @Override
    public synchronized DeleteSecurityGroupResponse deleteSecurityGroup(DeleteSecurityGroupRequest request) {
        SecurityGroup group = request.groupId() != null ? existing(groups, "security-group", request.groupId())
                : groupInDefaultVpc(required("GroupId", request.groupName()));
        if (group.groupName().equals("default")) {
            throw Ec2Errors.of("CannotDelete", "the specified group: \"" + group.groupId()
                    + "\" name: \"default\" cannot be deleted by a user");
        }
        if (rules.referenced(group.groupId())) {
            throw Ec2Errors.of("DependencyViolation", "resource " + group.groupId() + " has a dependent object");
        }
        groups.remove(group.groupId());
        rules.forget(group.groupId());
        return DeleteSecurityGroupResponse.builder().returnValue(true).groupId(group.groupId()).build();
    }

    @Override
    public synchronized DetachInternetGatewayResponse detachInternetGateway(DetachInternetGatewayRequest request) {
        InternetGateway gateway = existing(gateways, "internet-gateway", required("InternetGatewayId",
                request.internetGatewayId()));
        String vpcId = required("VpcId", request.vpcId());
        if (!attachedTo(gateway, vpcId)) {
            throw Ec2Errors.of("Gateway.NotAttached", "resource " + gateway.internetGatewayId()
                    + " is not attached to network " + vpcId);
        }
        gateways.put(gateway.internetGatewayId(), gateway.toBuilder().attachments(List.of()).build());
        return DetachInternetGatewayResponse.builder().build();
    }

    @Override
    public synchronized DeleteInternetGatewayResponse deleteInternetGateway(DeleteInternetGatewayRequest request) {
        InternetGateway gateway = existing(gateways, "internet-gateway", required("InternetGatewayId",
                request.internetGatewayId()));
        if (!gateway.attachments().isEmpty()) {
            throw Ec2Errors.of("DependencyViolation", "The internetGateway '" + gateway.internetGatewayId()
                    + "' has dependencies and cannot be deleted.");
        }
        gateways.remove(gateway.internetGatewayId());
        return DeleteInternetGatewayResponse.builder().build();
    }

    @Override
    public synchronized DisassociateRouteTableResponse disassociateRouteTable(DisassociateRouteTableRequest request) {
        String associationId = required("AssociationId", request.associationId());
        RouteTable table = routeTables.values().stream()
                .filter(t -> t.associations().stream().anyMatch(a -> associationId.equals(a.routeTableAssociationId())
                        && !Boolean.TRUE.equals(a.main())))
                .findFirst().orElseThrow(() -> Ec2Errors.of("InvalidAssociationID.NotFound",
                        "The association ID '" + associationId + "' does not exist"));
        routeTables.put(table.routeTableId(), table.toBuilder().associations(table.associations().stream()
                .filter(a -> !associationId.equals(a.routeTableAssociationId())).toList()).build());
        return DisassociateRouteTableResponse.builder().build();
    }

    @Override
    public synchronized DeleteRouteTableResponse deleteRouteTable(DeleteRouteTableRequest request) {
        RouteTable table = existing(routeTables, "route-table", required("RouteTableId", request.routeTableId()));
        if (!table.associations().isEmpty()) {
            throw Ec2Errors.of("DependencyViolation", "The routeTable '" + table.routeTableId()
                    + "' has dependencies and cannot be deleted.");
        }
        routeTables.remove(table.routeTableId());
        return DeleteRouteTableResponse.builder().build();
    }

    /** Tags on any of the twin's resources, found by the kind its id names. */
    @Override
    public synchronized CreateTagsResponse createTags(CreateTagsRequest request) {
        if (request.resources().isEmpty()) {
            throw Ec2Errors.missing("ResourceId");
        }
        for (String id : request.resources()) {
            tagged(id, request.tags());
        }
        return CreateTagsResponse.builder().build();
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {
    }

    private String provisionDefaultVpc() {
        Cidr block = Cidr.parse(DEFAULT_VPC_CIDR).orElseThrow();
        Vpc vpc = newVpc(block, true, List.of());
        List<String> zones = AvailabilityZones.names();
        for (int i = 0; i < zones.size(); i++) {
            newSubnet(vpc.vpcId(), block.part(20, i), zones.get(i), true, List.of());
        }
        InternetGateway gateway = InternetGateway.builder().internetGatewayId(id("igw")).ownerId(LocalAccount.ID)
                .attachments(List.of()).tags(List.of()).build();
        attach(gateway, vpc.vpcId());
        RouteTable main = routeTables.values().stream().filter(t -> t.vpcId().equals(vpc.vpcId())).findFirst().orElseThrow();
        List<Route> routes = new ArrayList<>(main.routes());
        routes.add(Route.builder().destinationCidrBlock("0.0.0.0/0").gatewayId(gateway.internetGatewayId())
                .origin(RouteOrigin.CREATE_ROUTE).state(RouteState.ACTIVE).build());
        routeTables.put(main.routeTableId(), main.toBuilder().routes(routes).build());
        return vpc.vpcId();
    }

    /** Every VPC comes with its default security group and main route table, as in AWS. */
    private Vpc newVpc(Cidr cidr, boolean isDefault, List<Tag> tags) {
        String vpcId = id("vpc");
        Vpc vpc = Vpc.builder().vpcId(vpcId).cidrBlock(cidr.toString()).state(VpcState.AVAILABLE)
                .dhcpOptionsId("dopt-0c9b3b2e1f0a4d5e6").instanceTenancy(Tenancy.DEFAULT).isDefault(isDefault)
                .ownerId(LocalAccount.ID).tags(tags)
                .cidrBlockAssociationSet(VpcCidrBlockAssociation.builder().associationId(id("vpc-cidr-assoc"))
                        .cidrBlock(cidr.toString()).cidrBlockState(VpcCidrBlockState.builder()
                                .state(VpcCidrBlockStateCode.ASSOCIATED).build()).build())
                .build();
        vpcs.put(vpcId, vpc);
        dns.put(vpcId, VpcDns.of(isDefault));
        newGroup(vpcId, "default", isDefault ? "default VPC security group" : "default VPC security group", List.of());
        newRouteTable(vpc, true, List.of());
        return vpc;
    }

    private Subnet newSubnet(String vpcId, Cidr cidr, String zone, boolean defaultForAz, List<Tag> tags) {
        String subnetId = id("subnet");
        Subnet subnet = Subnet.builder().subnetId(subnetId).vpcId(vpcId).cidrBlock(cidr.toString())
                .availabilityZone(zone).availabilityZoneId(AvailabilityZones.zoneId(zone))
                .availableIpAddressCount((int) cidr.size() - 5).defaultForAz(defaultForAz)
                .mapPublicIpOnLaunch(defaultForAz).state(SubnetState.AVAILABLE).ownerId(LocalAccount.ID)
                .assignIpv6AddressOnCreation(false).subnetArn(LocalAccount.arn("ec2", "subnet/" + subnetId))
                .tags(tags).build();
        subnets.put(subnetId, subnet);
        return subnet;
    }

    /** A new group may send anything anywhere: AWS adds the allow-all egress rule. */
    private SecurityGroup newGroup(String vpcId, String name, String description, List<Tag> tags) {
        String groupId = id("sg");
        SecurityGroup group = SecurityGroup.builder().groupId(groupId).groupName(name).description(description)
                .vpcId(vpcId).ownerId(LocalAccount.ID).tags(tags)
                .securityGroupArn(LocalAccount.arn("ec2", "security-group/" + groupId)).build();
        groups.put(groupId, group);
        rules.authorize(groupId, true, List.of(IpPermission.builder().ipProtocol("-1")
                .ipRanges(IpRange.builder().cidrIp("0.0.0.0/0").build()).build()), this::groupExists);
        return group;
    }

    private RouteTable newRouteTable(Vpc vpc, boolean main, List<Tag> tags) {
        String tableId = id("rtb");
        RouteTable table = RouteTable.builder().routeTableId(tableId).vpcId(vpc.vpcId()).ownerId(LocalAccount.ID)
                .routes(Route.builder().destinationCidrBlock(vpc.cidrBlock()).gatewayId("local")
                        .origin(RouteOrigin.CREATE_ROUTE_TABLE).state(RouteState.ACTIVE).build())
                .associations(main ? List.of(RouteTableAssociation.builder().main(true)
                        .routeTableAssociationId(id("rtbassoc")).routeTableId(tableId)
                        .associationState(s -> s.state("associated")).build()) : List.of())
                .propagatingVgws(List.of()).tags(tags).build();
        routeTables.put(tableId, table);
        return table;
    }

    private void attach(InternetGateway gateway, String vpcId) {
        gateways.put(gateway.internetGatewayId(), gateway.toBuilder().attachments(InternetGatewayAttachment.builder()
                .vpcId(vpcId).state("available").build()).build());
    }

    private static boolean attachedTo(InternetGateway gateway, String vpcId) {
        return gateway.attachments().stream().anyMatch(a -> vpcId.equals(a.vpcId()));
    }

    private static boolean isMain(RouteTable table) {
        return table.associations().stream().anyMatch(a -> Boolean.TRUE.equals(a.main()));
    }

    private boolean groupExists(String groupId) {
        return groups.containsKey(groupId);
    }

    private SecurityGroup groupInDefaultVpc(String name) {
        return groups.values().stream().filter(g -> g.vpcId().equals(defaultVpcId) && g.groupName().equals(name))
                .findFirst().orElseThrow(() -> Ec2Errors.of("InvalidGroup.NotFound", "The security group '" + name
                        + "' does not exist in default VPC '" + defaultVpcId + "'"));
    }

    private void tagged(String id, List<Tag> tags) {
        String kind = id.substring(0, Math.max(0, id.indexOf('-')));
        switch (kind) {
            case "vpc" -> vpcs.put(id, existing(vpcs, "vpc", id).toBuilder()
                    .tags(merged(vpcs.get(id).tags(), tags)).build());
            case "subnet" -> subnets.put(id, existing(subnets, "subnet", id).toBuilder()
                    .tags(merged(subnets.get(id).tags(), tags)).build());
            case "sg" -> groups.put(id, existing(groups, "security-group", id).toBuilder()
                    .tags(merged(groups.get(id).tags(), tags)).build());
            case "igw" -> gateways.put(id, existing(gateways, "internet-gateway", id).toBuilder()
                    .tags(merged(gateways.get(id).tags(), tags)).build());
            case "rtb" -> routeTables.put(id, existing(routeTables, "route-table", id).toBuilder()
                    .tags(merged(routeTables.get(id).tags(), tags)).build());
            default -> throw Ec2Errors.of("InvalidID", "The ID '" + id + "' is not valid");
        }
    }

    /** A tag with a key already there replaces it. */
    private static List<Tag> merged(List<Tag> current, List<Tag> added) {
        Map<String, Tag> byKey = new LinkedHashMap<>();
        current.forEach(tag -> byKey.put(tag.key(), tag));
        added.forEach(tag -> byKey.put(tag.key(), tag));
        return List.copyOf(byKey.values());
    }

    /** The resources {@code ids} names (each must exist), or all of them, that pass {@code filters}. */
    private static <T> List<T> described(Map<String, T> all, List<String> ids, String kind, List<Filter> filters,
            Function<T, Map<String, List<String>>> attributes, Function<T, List<Tag>> tags, Set<String> known) {
        List<T> chosen = ids.isEmpty() ? List.copyOf(all.values())
                : ids.stream().map(id -> existing(all, kind, id)).toList();
        return chosen.stream().filter(r -> Filters.match(filters, attributes.apply(r), tags.apply(r), known)).toList();
    }

    private static <T> T existing(Map<String, T> all, String kind, String id) {
        return Optional.ofNullable(id).map(all::get).orElseThrow(() -> Ec2Errors.notFound(kind, id));
    }

    private static String required(String parameter, String value) {
        if (value == null || value.isEmpty()) {
            throw Ec2Errors.missing(parameter);
        }
        return value;
    }

    private static Cidr block(String parameter, String text) {
        if (text == null) {
            throw Ec2Errors.missing("CidrBlock");
        }
        Cidr cidr = Cidr.parse(text).orElseThrow(() ->
                Ec2Errors.invalidValue(parameter, text, "This is not a valid CIDR block."));
        if (cidr.prefix() < 16 || cidr.prefix() > 28) {
            throw Ec2Errors.of("InvalidVpc.Range", "The CIDR '" + text + "' is invalid.");
        }
        return cidr;
    }

    /** The tags of the specification for {@code resourceType}; another resource type is refused. */
    private static List<Tag> tags(List<TagSpecification> specifications, String resourceType) {
        List<Tag> tags = new ArrayList<>();
        for (TagSpecification specification : specifications) {
            if (!resourceType.equals(specification.resourceTypeAsString())) {
                throw Ec2Errors.invalidValue("resourceType", specification.resourceTypeAsString(),
                        "This resource type is not supported for this operation.");
            }
            tags.addAll(specification.tags());
        }
        return tags;
    }

    /** {@code vpc-} and 17 hexadecimal digits, as EC2's long ids. */
    private synchronized String id(String prefix) {
        StringBuilder id = new StringBuilder(prefix).append('-');
        for (int i = 0; i < 17; i++) {
            id.append(Character.forDigit(random.nextInt(16), 16));
        }
        return id.toString();
    }
}
