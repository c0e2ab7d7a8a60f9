package dev.greenlight.local.aws.cloudformation.resources;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.local.aws.cloudformation.Provisioned;
import dev.greenlight.local.aws.cloudformation.ResourceProvider;
import dev.greenlight.local.aws.cloudformation.ResourceRequest;
import java.util.Set;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.IpPermission;

/**
 * AWS::EC2::SecurityGroup (with its inline SecurityGroupIngress and SecurityGroupEgress rules),
 * SecurityGroupIngress and SecurityGroupEgress, through EC2's CreateSecurityGroup and
 * Authorize calls. Removing a rule is recorded only (the EC2 twin has no Revoke calls); the
 * group's rules go with the group.
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
                for (JsonNode rule : request.property("SecurityGroupIngress")) {
                    ec2.authorizeSecurityGroupIngress(r -> r.groupId(id).ipPermissions(permission(rule)));
                }
                for (JsonNode rule : request.property("SecurityGroupEgress")) {
                    ec2.authorizeSecurityGroupEgress(r -> r.groupId(id).ipPermissions(permission(rule)));
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
                .ipPermissions(permission(request.properties()))));
    }

    static ResourceProvider egress(Ec2Client ec2) {
        return rule(request -> ec2.authorizeSecurityGroupEgress(r -> r.groupId(request.required("GroupId"))
                .ipPermissions(permission(request.properties()))));
    }

    private static ResourceProvider rule(java.util.function.Consumer<ResourceRequest> authorize) {
        return new ResourceProvider() {
            @Override
            public Provisioned create(ResourceRequest request) {
                authorize.accept(request);
                return Provisioned.of(request.generatedName(64, false));
            }

            @Override
            public void delete(Provisioned current, ResourceRequest request) {
            }

            @Override
            public Set<String> replacedOn() {
                return ANY;
            }
        };
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
