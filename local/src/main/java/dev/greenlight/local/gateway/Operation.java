package dev.greenlight.local.gateway;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;

/**
 * One operation of a client interface: the method that takes its request, and its wire binding.
 * Its name is the query action, or the part of the awsJson target after the dot.
 */
record Operation(String name, Method method, Binding binding) {

    static boolean isOperation(Method method) {
        return method.getParameterCount() == 1
                && SdkRequest.class.isAssignableFrom(method.getParameterTypes()[0])
                && SdkResponse.class.isAssignableFrom(method.getReturnType());
    }

    static Operation of(Method method) {
        Binding binding = Binding.of(method.getParameterTypes()[0]);
        String simpleName = method.getParameterTypes()[0].getSimpleName();
        String name = binding.isRest() ? simpleName.substring(0, simpleName.length() - "Request".length())
                : binding.operationIdentifier().substring(binding.operationIdentifier().lastIndexOf('.') + 1);
        return new Operation(name, method, binding);
    }

    /** A fresh builder of this operation's request, to be filled field by field. */
    SdkPojo newRequestBuilder() {
        try {
            return (SdkPojo) method.getParameterTypes()[0].getMethod("builder").invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build a " + method.getParameterTypes()[0], e);
        }
    }

    /** Calls the twin; whatever the twin throws is thrown as is. */
    SdkPojo invoke(Object twin, SdkPojo request) throws Throwable {
        try {
            return (SdkPojo) method.invoke(twin, request);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
