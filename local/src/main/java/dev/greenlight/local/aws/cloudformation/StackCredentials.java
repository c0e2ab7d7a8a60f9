package dev.greenlight.local.aws.cloudformation;

import dev.greenlight.local.aws.CallerCredentials;
import dev.greenlight.local.aws.iam.policy.Principal;

/**
 * Whom CloudFormation makes a stack's calls to the other services as ("CloudFormation service
 * role", CloudFormation User Guide): the stack's service role when the operation or an earlier one
 * gave a RoleARN, else the principal that called the operation. The twin's wiring supplies the
 * caller and makes the providers' clients act as the principal bound here.
 */
public interface StackCredentials {

    /** Every call as the account root, unchecked: a CloudFormation twin on its own. */
    StackCredentials ROOT = new StackCredentials() {
        @Override
        public Principal caller() {
            return Principal.root();
        }

        @Override
        public CallerCredentials.Scope actAs(Principal principal) {
            return () -> { };
        }
    };

    /** The principal that signed the CloudFormation call being served. */
    Principal caller();

    /** Makes the providers' calls on this thread act as {@code principal} until the scope closes. */
    CallerCredentials.Scope actAs(Principal principal);
}
