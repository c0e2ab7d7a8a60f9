package dev.greenlight.local.aws.iam.enforcement;

import dev.greenlight.local.aws.iam.policy.Principal;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkRequest;

/**
 * An SDK client that makes its calls as one identity, in-process: each operation is authorized
 * by {@link IamEnforcement} before the twin's client serves it, and a refusal is the SDK's typed
 * exception, as the real client would raise it. The SDK's convenience overloads (a request
 * builder consumer, no arguments) are the interface's defaults: they run on this proxy, so they
 * reach the checked operation too.
 */
public final class EnforcedClient {

    private EnforcedClient() {
    }

    public static <C> C as(Principal caller, Class<C> clientType, C client, IamEnforcement enforcement) {
        return as(() -> caller, clientType, client, enforcement);
    }

    /** As {@link #as(Principal, Class, Object, IamEnforcement)}, the caller known only when a call is made. */
    public static <C> C as(Supplier<Principal> caller, Class<C> clientType, C client, IamEnforcement enforcement) {
        String signingName = signingName(clientType);
        InvocationHandler handler = (proxy, method, args) -> {
            if (args != null && args.length > 0 && args[0] instanceof SdkRequest request) {
                String operation = request.getClass().getSimpleName().replaceFirst("Request$", "");
                enforcement.authorize(caller.get(), signingName, operation, (SdkPojo) request);
            } else if (method.isDefault()) {
                return InvocationHandler.invokeDefault(proxy, method, args);
            }
            try {
                return method.invoke(client, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return clientType.cast(Proxy.newProxyInstance(clientType.getClassLoader(), new Class<?>[] {clientType}, handler));
    }

    private static String signingName(Class<?> clientType) {
        try {
            return (String) clientType.getField("SERVICE_NAME").get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(clientType.getName() + " is not an SDK client interface", e);
        }
    }
}
