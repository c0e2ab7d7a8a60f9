package dev.greenlight.local.aws.cloudformation.resources;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.local.aws.cloudformation.Provisioned;
import dev.greenlight.local.aws.cloudformation.ResourceProvider;
import dev.greenlight.local.aws.cloudformation.ResourceRequest;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRule;

/**
 * AWS::EC2::SecurityGroup (with its inline SecurityGroupIngress and SecurityGroupEgress rules),
 * SecurityGroupIngress and SecurityGroupEgress, through EC2's CreateSecurityGroup and
 * Authorize calls; a standalone rule is revoked by its rule ids. The default egress rule that a
 * group's own egress list replaces in AWS stays (the twin does not revoke by permission); a group's
 * rules go with it.
 */
final class Ec2SecurityGroupProviders {

    private Ec2SecurityGroupProviders() {
    }

    static ResourceProvider group(Ec2Client ec2) {
        return new ResourceProvider() {
            @Override
            public Provisioned create(ResourceRequest request) {
                String vpcId = request.text("VpcId").orElse(null);
                String id = ec2.createSecurityGroup(r -> r.groupName(request.nameOr("GroupName", 255, false))
                        .description(request.required("GroupDescription")).vpcId(vpcId)).groupId();
                try {
                    for (JsonNode rule : request.property("SecurityGroupIngress")) {
                        ec2.authorizeSecurityGroupIngress(r -> r.groupId(id).ipPermissions(permission(rule)));
                    }
                    for (JsonNode rule : request.property("SecurityGroupEgress")) {
                        if (!allowsAllOutbound(rule)) {
                            ec2.authorizeSecurityGroupEgress(r -> r.groupId(id).ipPermissions(permission(rule)));
                        }
                    }
                } catch (RuntimeException e) {
                    // A handler leaves nothing behind when its resource fails.
                    ec2.deleteSecurityGroup(r -> r.groupId(id));
                    throw e;
                }
                return Provisioned.of(id, "GroupId", id, "VpcId", vpcId == null ? "" : vpcId);
            }

            @Override
            public void delete(Provisioned current, ResourceRequest request) {
                ec2.deleteSecurityGroup(r -> r.groupId(current.physicalId()));
            }

            @Override
            public Set<String> replacedOn() {
                return Set.of("GroupName", "GroupDescription", "VpcId");
            }
        };
    }

    static ResourceProvider ingress(Ec2Client ec2) {
        return rule(request -> ec2.authorizeSecurityGroupIngress(r -> r.groupId(request.required("GroupId"))
                .ipPermissions(permission(request.properties()))).securityGroupRules(),
                (request, ids) -> ec2.revokeSecurityGroupIngress(r -> r.groupId(request.required("GroupId"))
                        .securityGroupRuleIds(ids)));
    }

    static ResourceProvider egress(Ec2Client ec2) {
        return rule(request -> ec2.authorizeSecurityGroupEgress(r -> r.groupId(request.required("GroupId"))
                .ipPermissions(permission(request.properties()))).securityGroupRules(),
                (request, ids) -> ec2.revokeSecurityGroupEgress(r -> r.groupId(request.required("GroupId"))
                        .securityGroupRuleIds(ids)));
    }

    /** A standalone rule: its physical id is the ids of the rules EC2 made, revoked by id on delete. */
    private static ResourceProvider rule(Function<ResourceRequest, List<SecurityGroupRule>> authorize,
            BiConsumer<ResourceRequest, List<String>> revoke) {
        return new ResourceProvider() {
            @Override
            public Provisioned create(ResourceRequest request) {
                return Provisioned.of(String.join(",", authorize.apply(request).stream()
                        .map(SecurityGroupRule::securityGroupRuleId).toList()));
            }

            @Override
            public void delete(Provisioned current, ResourceRequest request) {
                revoke.accept(request, List.of(current.physicalId().split(",")));
            }

            @Override
            public Set<String> replacedOn() {
                return ANY;
            }
        };
    }

    /**
     * The rule every new group already has (all traffic to 0.0.0.0/0). CloudFormation's egress list
     * replaces the default rule; the twin cannot revoke it, so other egress rules are added beside it.
     */
    private static boolean allowsAllOutbound(JsonNode rule) {
        return rule.path("IpProtocol").asText().equals("-1") && rule.path("CidrIp").asText().equals("0.0.0.0/0");
    }

    /** A CloudFormation rule ({@code CidrIp}, {@code SourceSecurityGroupId}, ...) as EC2's IpPermission. */
    static IpPermission permission(JsonNode rule) {
        IpPermission.Builder permission = IpPermission.builder().ipProtocol(rule.path("IpProtocol").asText("-1"));
        if (rule.has("FromPort")) {
            permission.fromPort(rule.get("FromPort").asInt());
        }
        if (rule.has("ToPort")) {
            permission.toPort(rule.get("ToPort").asInt());
        }
        String description = rule.path("Description").isMissingNode() ? null : rule.get("Description").asText();
        if (rule.has("CidrIp")) {
            permission.ipRanges(r -> r.cidrIp(rule.get("CidrIp").asText()).description(description));
        }
        String group = rule.has("SourceSecurityGroupId") ? rule.get("SourceSecurityGroupId").asText()
                : rule.has("DestinationSecurityGroupId") ? rule.get("DestinationSecurityGroupId").asText() : null;
        if (group != null) {
            permission.userIdGroupPairs(p -> p.groupId(group).description(description));
        }
        return permission.build();
    }
}
