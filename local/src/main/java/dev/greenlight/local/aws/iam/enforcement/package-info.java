/**
 * IAM enforced on the twin: every call is made by an identity (the signing access key over the
 * wire; a worker's execution role, a service role, in-process), checked against that identity's
 * policies and the resource's before the twin does the work, and refused as AWS refuses it.
 */
package dev.greenlight.local.aws.iam.enforcement;
