package dev.greenlight.workers.backend;

import dev.greenlight.workers.config.ServiceConfig;
import dev.greenlight.workers.core.Clients;
import dev.greenlight.workers.core.Environment;
import java.util.function.Supplier;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * The backends a worker may meet: the service's config says which deploys it, and a deployment's
 * id says which started it (an ECS service deployment ARN, or CodeDeploy's {@code d-…}). Either may
 * be null where the worker was built for one backend only.
 */
public record Backends(DeploymentBackend codeDeploy, DeploymentBackend ecs) {

    /**
     * For the Lambda runtime: both, with the hooks the settings name, each built at its first use so a
     * function pays at start only for the client of the backend it meets.
     */
    public static Backends fromEnvironment() {
        return new Backends(new LazyBackend(() -> new CodeDeployBackend(Clients.codeDeploy(),
                Environment.variable("SMOKE_TEST_FUNCTION"))), new LazyBackend(() -> new EcsBackend(Clients.ecs(),
                Environment.variable("ECS_HOOK_FUNCTION"), Environment.variable("ECS_HOOK_ROLE_ARN"))));
    }

    /**
     * For reading deployments (status, the console, the demo): both backends, starting none (no hooks),
     * each built at its first use so a reader of one backend's services never builds the other's client.
     */
    public static Backends readers(Supplier<CodeDeployClient> codeDeploy, Supplier<EcsClient> ecs) {
        return new Backends(new LazyBackend(() -> new CodeDeployBackend(codeDeploy.get())),
                new LazyBackend(() -> new EcsBackend(ecs.get(), null, null)));
    }

    public static Backends codeDeployOnly(DeploymentBackend codeDeploy) {
        return new Backends(codeDeploy, null);
    }

    public DeploymentBackend forService(ServiceConfig config) {
        return config.backend() == ServiceConfig.Backend.ecs ? required(ecs, "ecs") : required(codeDeploy,
                "codedeploy");
    }

    public DeploymentBackend forDeployment(String deploymentId) {
        return EcsBackend.isServiceDeployment(deploymentId) ? required(ecs, "ecs") : required(codeDeploy,
                "codedeploy");
    }

    private static DeploymentBackend required(DeploymentBackend backend, String name) {
        if (backend == null) {
            throw new IllegalStateException("this worker was built without the \"" + name + "\" backend: build it "
                    + "with both (Backends.fromEnvironment) to deploy services whose config says \"backend\": \""
                    + name + "\"");
        }
        return backend;
    }
}
