package dev.greenlight.local.gateway;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.SdkClient;

/**
 * A registered twin with what the SDK knows of its service: the signing name that SigV4
 * credential scopes carry ({@code sns}, {@code monitoring}), its operations and its errors.
 */
record ServiceModel(String signingName, Object twin, Map<String, Operation> operations, ModeledErrors errors) {

    static <C extends SdkClient> ServiceModel of(Class<C> clientInterface, C twin) {
        Map<String, Operation> operations = Arrays.stream(clientInterface.getMethods())
                .filter(Operation::isOperation)
                .map(Operation::of)
                .collect(Collectors.toUnmodifiableMap(Operation::name, Function.identity(), (a, b) -> a));
        return new ServiceModel(signingName(clientInterface), twin, operations, ModeledErrors.of(clientInterface));
    }

    Optional<Operation> operation(String name) {
        return Optional.ofNullable(operations.get(name));
    }

    boolean speaksQuery() {
        return operations.values().stream().anyMatch(op -> op.binding().isQuery());
    }

    private static String signingName(Class<?> clientInterface) {
        try {
            return (String) clientInterface.getField("SERVICE_NAME").get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("no SERVICE_NAME on " + clientInterface.getName(), e);
        }
    }
}
