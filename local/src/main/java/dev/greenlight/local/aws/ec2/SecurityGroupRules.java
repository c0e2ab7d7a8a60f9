package dev.greenlight.local.aws.ec2;

import dev.greenlight.local.aws.LocalAccount;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRule;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;

/**
 * The rules of every security group, one per peer as EC2 keeps them ({@code sgr-} ids): a
 * protocol by name or number ({@code -1} for all, when ports do not apply), a port range that
 * TCP and UDP require, a peer CIDR or security group that must exist, and no rule twice
 * (InvalidPermission.Duplicate). Describe folds them back into IpPermissions per protocol and
 * ports. Recorded only: no traffic is filtered.
 */
final class SecurityGroupRules {

    private static final Map<String, String> PROTOCOLS = Map.of("tcp", "tcp", "6", "tcp", "udp", "udp", "17", "udp",
            "icmp", "icmp", "1", "icmp", "-1", "-1", "all", "-1");

    private final Function<String, String> ids;
    private final List<SecurityGroupRule> rules = new ArrayList<>();

    SecurityGroupRules(Function<String, String> ids) {
        this.ids = ids;
    }

    List<SecurityGroupRule> authorize(String groupId, boolean egress, List<IpPermission> permissions,
            Predicate<String> groupExists) {
        List<SecurityGroupRule> added = new ArrayList<>();
        for (IpPermission permission : permissions) {
            String protocol = protocol(permission.ipProtocol());
            Integer from = protocol.equals("-1") ? null : permission.fromPort();
            Integer to = protocol.equals("-1") ? null : permission.toPort();
            if ((protocol.equals("tcp") || protocol.equals("udp")) && !validPorts(from, to)) {
                throw Ec2Errors.invalidValue("portRange", from + "-" + to,
                        "Must specify both from and to ports with TCP/UDP, each from 0 to 65535.");
            }
            for (IpRange range : permission.ipRanges()) {
                Cidr cidr = Cidr.parse(range.cidrIp()).orElseThrow(() -> Ec2Errors.of("InvalidParameterValue",
                        "CIDR block " + range.cidrIp() + " is malformed"));
                added.add(rule(groupId, egress, protocol, from, to, b -> b.cidrIpv4(cidr.toString())
                        .description(range.description())));
            }
            for (UserIdGroupPair pair : permission.userIdGroupPairs()) {
                if (pair.groupId() == null || !groupExists.test(pair.groupId())) {
                    throw Ec2Errors.notFound("security-group", pair.groupId());
                }
                added.add(rule(groupId, egress, protocol, from, to, b -> b.description(pair.description())
                        .referencedGroupInfo(r -> r.groupId(pair.groupId()).userId(LocalAccount.ID))));
            }
        }
        for (SecurityGroupRule rule : added) {
            if (rules.stream().anyMatch(existing -> samePeerAndPorts(existing, rule))
                    || added.stream().filter(other -> samePeerAndPorts(other, rule)).count() > 1) {
                throw Ec2Errors.of("InvalidPermission.Duplicate", "the specified rule \"peer: " + peer(rule) + ", "
                        + rule.ipProtocol().toUpperCase(Locale.ROOT) + ", from port: " + rule.fromPort()
                        + ", to port: " + rule.toPort() + ", ALLOW\" already exists");
            }
        }
        rules.addAll(added);
        return added;
    }

    /** Removes the group's rules of that direction with these ids; an unknown id removes nothing. */
    void revoke(String groupId, boolean egress, List<String> ruleIds) {
        for (String id : ruleIds) {
            boolean found = rules.stream().anyMatch(rule -> rule.securityGroupRuleId().equals(id)
                    && rule.groupId().equals(groupId) && rule.isEgress() == egress);
            if (!found) {
                throw Ec2Errors.of("InvalidSecurityGroupRuleId.NotFound", "The security group rule ID '" + id
                        + "' does not exist");
            }
        }
        rules.removeIf(rule -> ruleIds.contains(rule.securityGroupRuleId()));
    }

    /** Whether a rule of another group names {@code groupId} as its peer. */
    boolean referenced(String groupId) {
        return rules.stream().anyMatch(rule -> !rule.groupId().equals(groupId) && rule.referencedGroupInfo() != null
                && groupId.equals(rule.referencedGroupInfo().groupId()));
    }

    void forget(String groupId) {
        rules.removeIf(rule -> rule.groupId().equals(groupId));
    }

    /** The group's rules in one direction, one IpPermission per protocol and port range. */
    List<IpPermission> permissions(String groupId, boolean egress) {
        Map<List<Object>, IpPermission.Builder> folded = new LinkedHashMap<>();
        for (SecurityGroupRule rule : rules) {
            if (!rule.groupId().equals(groupId) || rule.isEgress() != egress) {
                continue;
            }
            IpPermission.Builder permission = folded.computeIfAbsent(
                    java.util.Arrays.asList(rule.ipProtocol(), rule.fromPort(), rule.toPort()),
                    key -> IpPermission.builder().ipProtocol(rule.ipProtocol()).fromPort(rule.fromPort())
                            .toPort(rule.toPort()).ipRanges(new ArrayList<>()).userIdGroupPairs(new ArrayList<>())
                            .ipv6Ranges(List.of()).prefixListIds(List.of()));
            IpPermission current = permission.build();
            if (rule.cidrIpv4() != null) {
                List<IpRange> ranges = new ArrayList<>(current.ipRanges());
                ranges.add(IpRange.builder().cidrIp(rule.cidrIpv4()).description(rule.description()).build());
                permission.ipRanges(ranges);
            } else {
                List<UserIdGroupPair> pairs = new ArrayList<>(current.userIdGroupPairs());
                pairs.add(UserIdGroupPair.builder().groupId(rule.referencedGroupInfo().groupId())
                        .userId(LocalAccount.ID).description(rule.description()).build());
                permission.userIdGroupPairs(pairs);
            }
        }
        return folded.values().stream().map(IpPermission.Builder::build).toList();
    }

    private SecurityGroupRule rule(String groupId, boolean egress, String protocol, Integer from, Integer to,
            java.util.function.Consumer<SecurityGroupRule.Builder> peer) {
        String ruleId = ids.apply("sgr");
        SecurityGroupRule.Builder rule = SecurityGroupRule.builder().securityGroupRuleId(ruleId).groupId(groupId)
                .groupOwnerId(LocalAccount.ID).isEgress(egress).ipProtocol(protocol)
                .fromPort(from == null ? -1 : from).toPort(to == null ? -1 : to)
                .securityGroupRuleArn(LocalAccount.arn("ec2", "security-group-rule/" + ruleId)).tags(List.of());
        peer.accept(rule);
        return rule.build();
    }

    private static String protocol(String name) {
        String protocol = name == null ? null : PROTOCOLS.get(name.toLowerCase(Locale.ROOT));
        if (protocol == null) {
            throw Ec2Errors.of("InvalidParameterValue", "Invalid value '" + name + "' for IP protocol. Unknown protocol.");
        }
        return protocol;
    }

    private static boolean validPorts(Integer from, Integer to) {
        return from != null && to != null && from >= 0 && to <= 65535 && from <= to;
    }

    private static boolean samePeerAndPorts(SecurityGroupRule a, SecurityGroupRule b) {
        return a.groupId().equals(b.groupId()) && a.isEgress().equals(b.isEgress())
                && a.ipProtocol().equals(b.ipProtocol()) && Objects.equals(a.fromPort(), b.fromPort())
                && Objects.equals(a.toPort(), b.toPort()) && peer(a).equals(peer(b));
    }

    private static String peer(SecurityGroupRule rule) {
        return rule.cidrIpv4() != null ? rule.cidrIpv4() : rule.referencedGroupInfo().groupId();
    }
}
