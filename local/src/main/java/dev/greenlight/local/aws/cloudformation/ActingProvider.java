package dev.greenlight.local.aws.cloudformation;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

/**
 * A provider whose every call to its service runs as the stack operation's identity
 * ({@link StackCredentials.Session}): every method of the interface, present and future, is
 * forwarded within the binding.
 */
final class ActingProvider {

    private ActingProvider() {
    }

    static ResourceProvider as(StackCredentials.Session session, ResourceProvider provider) {
        if (session == null) {
            return provider;
        }
        return (ResourceProvider) Proxy.newProxyInstance(ResourceProvider.class.getClassLoader(),
                new Class<?>[] {ResourceProvider.class}, (proxy, method, args) -> {
                    try (var acting = session.bind()) {
                        return method.invoke(provider, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
