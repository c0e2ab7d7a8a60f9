package dev.greenlight.local.aws.iam.policy;

/**
 * How a resource-based policy's Principal names the caller. Naming the caller itself (its session,
 * its role, a service, or {@code "*"}) grants; naming only the caller's account delegates to the
 * account's identity-based policies, so it denies but does not by itself allow ("Policy evaluation
 * for requests within a single account"; "AWS JSON policy elements: Principal", AWS account
 * principals).
 */
enum PrincipalMatch {
    CALLER,
    ACCOUNT,
    NONE
}
