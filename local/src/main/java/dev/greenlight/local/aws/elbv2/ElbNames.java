package dev.greenlight.local.aws.elbv2;

import java.util.regex.Pattern;

/**
 * The naming rule ELB applies to load balancers and target groups: at most 32 characters,
 * only alphanumerics and hyphens, no hyphen first or last; a load balancer's name also must
 * not begin with {@code internal-}.
 */
final class ElbNames {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,30}[A-Za-z0-9])?");

    private ElbNames() {
    }

    static void checkLoadBalancerName(String name) {
        check("Load balancer", name);
        if (name.startsWith("internal-")) {
            throw ElbErrors.validation("Load balancer name '" + name + "' cannot begin with 'internal-'");
        }
    }

    static void checkTargetGroupName(String name) {
        check("Target group", name);
    }

    private static void check(String what, String name) {
        if (name == null || name.isEmpty()) {
            throw ElbErrors.validation(what + " name is required");
        }
        if (!NAME.matcher(name).matches()) {
            throw ElbErrors.validation(what + " name '" + name + "' can have a maximum of 32 characters, can contain"
                    + " only alphanumeric characters or hyphens, and must not begin or end with a hyphen");
        }
    }
}
