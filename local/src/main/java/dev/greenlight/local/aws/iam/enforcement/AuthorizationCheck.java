package dev.greenlight.local.aws.iam.enforcement;

import dev.greenlight.local.aws.iam.policy.Decision;
import dev.greenlight.local.aws.iam.policy.Principal;

/** One evaluated check: who asked for which action on which resource, and the decision. */
public record AuthorizationCheck(Principal caller, String action, String resource, Decision decision) {
}
