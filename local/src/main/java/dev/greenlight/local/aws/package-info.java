/**
 * Twins of the AWS services Greenlight calls. Conventions every twin follows:
 * <ul>
 *   <li>One package per service ({@code aws.codedeploy}, {@code aws.cloudwatch}, ...); the twin
 *       class implements the AWS SDK v2 client interface ({@code CodeDeployClient}) for the
 *       operations the project uses; any other operation throws {@code UnsupportedOperationException}
 *       (the interface's default), never a wrong answer.</li>
 *   <li>AWS's documented validation and error codes: errors are the SDK's own exception types,
 *       built by {@link dev.greenlight.local.aws.AwsErrors} with AWS's error code and HTTP status,
 *       so a caller cannot tell the twin from AWS. A refused call changes no state.</li>
 *   <li>State in records; rules in small classes; time only from the shared
 *       {@link dev.greenlight.local.clock.Clock}, and anything that happens later is scheduled on it.</li>
 *   <li>Thread-safe: the gateway calls twins from HTTP threads while the clock runs; each twin
 *       guards its state with its own monitor.</li>
 *   <li>Another service is reached through a small port interface in the twin's package (for
 *       example CodeDeploy's hook invoker), wired to the other twin when the twin is assembled.</li>
 * </ul>
 */
package dev.greenlight.local.aws;
