package dev.greenlight.local.aws.iam;

/**
 * What a policy document is for, which decides its required and prohibited elements: an
 * identity-based policy names resources and no principal; a role's trust policy names
 * principals and no resource.
 */
enum PolicyKind {
    IDENTITY,
    TRUST
}
