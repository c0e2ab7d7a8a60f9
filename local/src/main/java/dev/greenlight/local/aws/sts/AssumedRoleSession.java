package dev.greenlight.local.aws.sts;

import dev.greenlight.local.aws.LocalAccount;
import java.time.Instant;

/** Temporary credentials STS issued for a role: who they act as and until when. */
public record AssumedRoleSession(String accessKeyId, String roleArn, String roleName, String roleId,
        String sessionName, Instant expiration) {

    /** {@code arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION}, the ARN calls with these credentials are made as. */
    public String arn() {
        return "arn:aws:sts::" + LocalAccount.ID + ":assumed-role/" + roleName + "/" + sessionName;
    }

    /** {@code ROLEID:SESSION}, as GetCallerIdentity and AssumedRoleUser give it. */
    public String userId() {
        return roleId + ":" + sessionName;
    }
}
