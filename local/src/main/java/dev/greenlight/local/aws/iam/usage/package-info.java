/**
 * Least privilege, measured: what each role was asked for on the twin (every authorization check
 * IAM enforcement evaluated, by role), and the report of each role's grants against that use.
 */
package dev.greenlight.local.aws.iam.usage;
