package dev.greenlight.workers.config;

import java.util.Map;

/** The configuration file: one entry per service Greenlight deploys. */
public record GreenlightConfig(Map<String, ServiceConfig> services) {

    /** @throws ConfigException naming the services there are, when {@code name} is not one */
    public ServiceConfig service(String name) {
        ServiceConfig service = services.get(name);
        if (service == null) {
            throw new ConfigException(java.util.List.of("unknown service '" + name + "': the configuration has "
                    + (services.isEmpty() ? "no services" : String.join(", ", new java.util.TreeSet<>(services.keySet())))));
        }
        return service;
    }
}
