package dev.greenlight.workers.backend;

import dev.greenlight.workers.config.ServiceConfig;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** A backend built at its first use: a Lambda function builds only the SDK client of the backend it meets. */
final class LazyBackend implements DeploymentBackend {

    private final Supplier<DeploymentBackend> create;
    private DeploymentBackend backend;

    LazyBackend(Supplier<DeploymentBackend> create) {
        this.create = create;
    }

    private synchronized DeploymentBackend get() {
        if (backend == null) {
            backend = create.get();
        }
        return backend;
    }

    @Override
    public Started start(String taskDefinitionArn, ServiceConfig config) {
        return get().start(taskDefinitionArn, config);
    }

    @Override
    public Look look(String deploymentId) {
        return get().look(deploymentId);
    }

    @Override
    public Optional<String> promote(String deploymentId) {
        return get().promote(deploymentId);
    }

    @Override
    public Undo rollBack(String deploymentId, String previousTaskDefinitionArn, ServiceConfig config,
            String reason) {
        return get().rollBack(deploymentId, previousTaskDefinitionArn, config, reason);
    }

    @Override
    public List<Release> activeReleases(ServiceConfig config) {
        return get().activeReleases(config);
    }

    @Override
    public boolean stopWithRollback(String deploymentId) {
        return get().stopWithRollback(deploymentId);
    }

    @Override
    public Optional<String> busy(ServiceConfig config) {
        return get().busy(config);
    }

    @Override
    public Production production(ServiceConfig config) {
        return get().production(config);
    }

    @Override
    public HookSubject hookSubject(String deploymentId) {
        return get().hookSubject(deploymentId);
    }
}
