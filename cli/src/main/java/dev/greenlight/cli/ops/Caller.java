package dev.greenlight.cli.ops;

import dev.greenlight.cli.aws.Aws;

/**
 * Who runs a command, for the audit trail of starts, approvals and overrides: the AWS identity the
 * command's credentials belong to (STS GetCallerIdentity, which needs no permission), so the record
 * names the same principal CloudTrail does, not a name the caller's machine chose.
 */
final class Caller {

    static final String SOURCE = "your AWS identity";

    private Caller() {
    }

    static String of(Aws aws) {
        return aws.sts().getCallerIdentity().arn();
    }
}
