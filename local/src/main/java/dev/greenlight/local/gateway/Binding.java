package dev.greenlight.local.gateway;

import java.lang.reflect.Field;
import software.amazon.awssdk.protocols.core.OperationInfo;

/**
 * Where an operation lives on the wire, as the SDK's generated marshaller binds it: an awsJson
 * target ({@code AWSStepFunctions.StartExecution}), a query action with its API version, or a
 * restJson method and URI template.
 */
record Binding(String operationIdentifier, String apiVersion, String method, String requestUri) {

    static Binding of(Class<?> requestClass) {
        String marshaller = requestClass.getPackageName().replace(".model", ".transform")
                + "." + requestClass.getSimpleName() + "Marshaller";
        try {
            Field field = Class.forName(marshaller, true, requestClass.getClassLoader())
                    .getDeclaredField("SDK_OPERATION_BINDING");
            field.setAccessible(true);
            OperationInfo info = (OperationInfo) field.get(null);
            return new Binding(info.operationIdentifier(), info.apiVersion(),
                    info.httpMethod().name(), info.requestUri());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("no SDK operation binding for " + requestClass.getName(), e);
        }
    }

    boolean isAwsJson() {
        return operationIdentifier != null && apiVersion == null && operationIdentifier.contains(".");
    }

    boolean isQuery() {
        return apiVersion != null;
    }

    boolean isRest() {
        return operationIdentifier == null;
    }
}
