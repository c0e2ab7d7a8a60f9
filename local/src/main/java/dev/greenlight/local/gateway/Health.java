package dev.greenlight.local.gateway;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;

/**
 * {@code GET /_greenlight/health}: what scripts and CI wait on. The gateway opens its port only once
 * every twin is registered, so an answer means every service listed is ready:
 * {@code {"status":"ready","services":{"sns":{"status":"ready","operations":42},...}}}, keyed by the
 * signing name that SigV4 credential scopes carry.
 */
final class Health {

    static final String PATH = "/_greenlight/health";

    private Health() {
    }

    static byte[] of(Services services) {
        ObjectNode health = JsonBodies.JSON.createObjectNode().put("status", "ready");
        ObjectNode each = health.putObject("services");
        services.all().stream().sorted(Comparator.comparing(ServiceModel::signingName))
                .forEach(service -> each.putObject(service.signingName()).put("status", "ready")
                        .put("operations", service.operations().size()));
        try {
            return JsonBodies.JSON.writeValueAsBytes(health);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write the health answer", e);
        }
    }
}
