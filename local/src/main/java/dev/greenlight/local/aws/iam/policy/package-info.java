/**
 * IAM policy evaluation as the IAM User Guide documents it ("Policy evaluation logic", "IAM JSON
 * policy element reference"): identity-based and resource-based policies of one account, explicit
 * deny over allow, NotAction/NotResource/NotPrincipal, wildcards, policy variables and the
 * condition operators. Pure functions of the documents and the request: no twin state here.
 */
package dev.greenlight.local.aws.iam.policy;
