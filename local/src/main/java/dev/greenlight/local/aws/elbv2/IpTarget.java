package dev.greenlight.local.aws.elbv2;

import dev.greenlight.local.fleet.Endpoint;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetDescription;

/** An ip target as RegisterTargets names it: an IPv4 address and a port (the group's when left out). */
final class IpTarget {

    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");

    private IpTarget() {
    }

    static Endpoint endpoint(TargetDescription target, int groupPort) {
        if (target.id() == null || !IPV4.matcher(target.id()).matches()) {
            throw ElbErrors.invalidTarget("The IP address '" + target.id() + "' is not a valid IPv4 address");
        }
        int port = target.port() == null ? groupPort : target.port();
        if (port < 1 || port > 65_535) {
            throw ElbErrors.validation("1 validation error detected: Value '" + port + "' at 'targets.member.port'"
                    + " failed to satisfy constraint: Member must have value between 1 and 65535");
        }
        return new Endpoint(target.id(), port);
    }

    static TargetDescription describe(Endpoint endpoint) {
        return TargetDescription.builder().id(endpoint.host()).port(endpoint.port()).build();
    }
}
