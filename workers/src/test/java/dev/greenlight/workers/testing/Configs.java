package dev.greenlight.workers.testing;

import dev.greenlight.workers.config.ConfigLoader;
import dev.greenlight.workers.config.GreenlightConfig;
import dev.greenlight.workers.config.ServiceConfig;

/** Configuration of the twin's demo service {@code orders} ({@code DemoService.provision}), with extra fields. */
public final class Configs {

    private Configs() {
    }

    /** The whole file, with {@code extraFields} (JSON members, e.g. {@code "requiredLabels": ["a"]}) added to orders. */
    public static GreenlightConfig file(String extraFields) {
        return ConfigLoader.parse("""
                {"services": {"orders": {
                  "repository": "orders", "cluster": "greenlight", "service": "orders",
                  "container": "app", "containerPort": 8080,
                  "codeDeploy": {"application": "orders", "deploymentGroup": "orders-dg"},
                  "alarms": ["orders-blue-5xx", "orders-green-5xx"],
                  "smoke": {"testUrl": "http://127.0.0.1:8080", "checks": [{"path": "/health"}]}%s
                }}}""".formatted(extraFields.isBlank() ? "" : ", " + extraFields));
    }

    public static ServiceConfig orders(String extraFields) {
        return file(extraFields).service("orders");
    }

    /** The same service configuration, deploying to another ECS service. */
    public static ServiceConfig withService(ServiceConfig c, String service) {
        return new ServiceConfig(c.repository(), c.cluster(), service, c.container(), c.containerPort(), c.codeDeploy(),
                c.alarms(), c.canary(), c.bakeMinutes(), c.approval(), c.scan(), c.requiredLabels(), c.smoke(),
                c.notifications());
    }

    public static ServiceConfig orders() {
        return orders("");
    }
}
