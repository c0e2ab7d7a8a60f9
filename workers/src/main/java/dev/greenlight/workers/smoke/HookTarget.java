package dev.greenlight.workers.smoke;

import dev.greenlight.workers.backend.DeploymentBackend.HookSubject;
import dev.greenlight.workers.config.ConfigException;
import dev.greenlight.workers.config.GreenlightConfig;
import dev.greenlight.workers.config.ServiceConfig;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The configured service a deployment belongs to, as its backend tells (CodeDeploy: the entry naming its group). */
final class HookTarget {

    private HookTarget() {
    }

    /** @throws ConfigException naming the application and group, and what the configuration has */
    static Map.Entry<String, ServiceConfig> find(GreenlightConfig config, HookSubject subject) {
        return config.services().entrySet().stream()
                .filter(entry -> subject.belongs().test(entry.getValue()))
                .findFirst()
                .orElseThrow(() -> new ConfigException(List.of("no service in GREENLIGHT_CONFIG deploys with "
                        + subject.target() + " (configured: " + configured(config) + "): set that service's "
                        + "codeDeploy {\"application\", \"deploymentGroup\"} to them")));
    }

    private static String configured(GreenlightConfig config) {
        return config.services().entrySet().stream()
                .map(entry -> entry.getKey() + " -> " + (entry.getValue().codeDeploy() == null ? "none"
                        : entry.getValue().codeDeploy().application() + "/"
                                + entry.getValue().codeDeploy().deploymentGroup()))
                .collect(Collectors.joining(", "));
    }
}
