package dev.greenlight.statemachine.twin;

import dev.greenlight.local.aws.iam.enforcement.EnforcedClient;
import dev.greenlight.local.aws.iam.policy.Principal;
import dev.greenlight.local.twin.LocalTwin;

/**
 * Each worker's clients make their calls as a session of its function's execution role, as in
 * AWS: the role is the one the synthesized template gives the function that runs the worker's
 * handler, looked up when a call is made (the function is registered after its clients are made).
 */
record ExecutionRoleClients(LocalTwin twin, PipelineRoles roles, ClientDecorator inner) implements ClientDecorator {

    @Override
    public <C> C decorate(String function, Class<C> clientType, C client) {
        return EnforcedClient.as(() -> caller(function), clientType, inner.decorate(function, clientType, client),
                twin.iamEnforcement());
    }

    private Principal caller(String function) {
        String handler = twin.lambda().getFunction(r -> r.functionName(function)).configuration().handler();
        String role = roles.roleOf(handler).orElseThrow(() -> new IllegalStateException(
                "the synthesized template has no function running " + handler + " (" + function + ")"));
        return Principal.roleSession(role, function);
    }
}
