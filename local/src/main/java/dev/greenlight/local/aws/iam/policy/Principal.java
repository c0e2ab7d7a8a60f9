package dev.greenlight.local.aws.iam.policy;

import dev.greenlight.local.aws.LocalAccount;
import java.util.Objects;

/**
 * Who makes a request: the account root, a role session (its ARN and its role's), or an AWS
 * service acting for a resource (EventBridge invoking a function, say), named by its service
 * principal.
 */
public record Principal(String arn, String roleArn, String service) {

    public Principal {
        Objects.requireNonNull(arn, "arn");
    }

    public static Principal root() {
        return new Principal("arn:aws:iam::" + LocalAccount.ID + ":root", null, null);
    }

    /** A session of {@code roleArn} ({@code arn:aws:iam::ACCOUNT:role/PATH/NAME}) named {@code sessionName}. */
    public static Principal roleSession(String roleArn, String sessionName) {
        String account = roleArn.split(":", 6)[4];
        String roleName = roleArn.substring(roleArn.lastIndexOf('/') + 1);
        return new Principal("arn:aws:sts::" + account + ":assumed-role/" + roleName + "/" + sessionName, roleArn, null);
    }

    /** A service principal such as {@code events.amazonaws.com}. */
    public static Principal service(String name) {
        return new Principal(name, null, name);
    }

    public boolean isRoot() {
        return arn.endsWith(":root") && roleArn == null && service == null;
    }

    public boolean isService() {
        return service != null;
    }

    /** The account the principal belongs to; a service principal belongs to none. */
    public String account() {
        return isService() ? null : arn.split(":", 6)[4];
    }

    /** {@code aws:PrincipalArn}: the role's ARN for a role session, else the principal's own. */
    public String principalArn() {
        return roleArn != null ? roleArn : arn;
    }
}
