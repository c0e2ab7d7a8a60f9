package dev.greenlight.local.gateway;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** The twins registered with the gateway, found the ways the protocols address them. */
final class Services {

    private final List<ServiceModel> registered = new CopyOnWriteArrayList<>();

    void add(ServiceModel service) {
        registered.removeIf(existing -> existing.signingName().equals(service.signingName()));
        registered.add(service);
    }

    List<ServiceModel> all() {
        return List.copyOf(registered);
    }

    Optional<ServiceModel> bySigningName(String name) {
        return registered.stream().filter(s -> s.signingName().equals(name)).findFirst();
    }

    /** The query service with operation {@code action} at API {@code version}, for unsigned requests. */
    Optional<ServiceModel> byQueryAction(String action, String version) {
        if (action == null) {
            return Optional.empty();
        }
        return registered.stream()
                .filter(s -> s.operation(action).filter(op -> op.binding().isQuery()
                        && op.binding().apiVersion().equals(version)).isPresent())
                .findFirst();
    }

    /** The service whose awsJson target prefix is that of {@code target} ({@code AWSEvents.PutRule}). */
    Optional<ServiceModel> byTarget(String target) {
        int dot = target.lastIndexOf('.');
        String prefix = dot < 0 ? target : target.substring(0, dot + 1);
        return registered.stream()
                .filter(s -> s.operations().values().stream().anyMatch(op -> op.binding().isAwsJson()
                        && op.binding().operationIdentifier().startsWith(prefix)))
                .findFirst();
    }
}
