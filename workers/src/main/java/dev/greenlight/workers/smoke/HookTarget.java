package dev.greenlight.workers.smoke;

import dev.greenlight.workers.config.ConfigException;
import dev.greenlight.workers.config.GreenlightConfig;
import dev.greenlight.workers.config.ServiceConfig;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The configured service a CodeDeploy deployment belongs to: the one whose codeDeploy entry names its group. */
final class HookTarget {

    private HookTarget() {
    }

    /** @throws ConfigException naming the application and group, and what the configuration has */
    static Map.Entry<String, ServiceConfig> find(GreenlightConfig config, String application, String group) {
        return config.services().entrySet().stream()
                .filter(entry -> entry.getValue().codeDeploy() != null
                        && entry.getValue().codeDeploy().application().equals(application)
                        && entry.getValue().codeDeploy().deploymentGroup().equals(group))
                .findFirst()
                .orElseThrow(() -> new ConfigException(List.of("no service in GREENLIGHT_CONFIG deploys with "
                        + "CodeDeploy application '" + application + "' and deployment group '" + group
                        + "' (configured: " + configured(config) + "): set that service's codeDeploy "
                        + "{\"application\", \"deploymentGroup\"} to them")));
    }

    private static String configured(GreenlightConfig config) {
        return config.services().entrySet().stream()
                .map(entry -> entry.getKey() + " -> " + (entry.getValue().codeDeploy() == null ? "none"
                        : entry.getValue().codeDeploy().application() + "/"
                                + entry.getValue().codeDeploy().deploymentGroup()))
                .collect(Collectors.joining(", "));
    }
}
