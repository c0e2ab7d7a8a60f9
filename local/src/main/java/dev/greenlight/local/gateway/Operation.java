package dev.greenlight.local.gateway;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;

/**
 * One operation of a client interface: the method that takes its request, and its wire binding.
 * Its name is the query action, or the part of the awsJson target after the dot. A streaming
 * operation's method also takes the upload ({@code RequestBody}) or the way to read the download
 * ({@code ResponseTransformer}); the bytes travel beside the model as a {@link StreamingPayload}.
 */
record Operation(String name, Method method, Binding binding) {

    static boolean isOperation(Method method) {
        Class<?>[] parameters = method.getParameterTypes();
        if (parameters.length == 0 || !SdkRequest.class.isAssignableFrom(parameters[0])) {
            return false;
        }
        if (parameters.length == 1) {
            return SdkResponse.class.isAssignableFrom(method.getReturnType());
        }
        return parameters.length == 2 && (parameters[1] == RequestBody.class
                && SdkResponse.class.isAssignableFrom(method.getReturnType())
                || parameters[1] == ResponseTransformer.class);
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
            if (method.getParameterCount() == 1) {
                return (SdkPojo) method.invoke(twin, request);
            }
            if (method.getParameterTypes()[1] == RequestBody.class) {
                StreamingPayload upload = (StreamingPayload) request;
                return (SdkPojo) method.invoke(twin, upload.model(), RequestBody.fromBytes(upload.bytes()));
            }
            ResponseBytes<?> download = (ResponseBytes<?>) method.invoke(twin, request, ResponseTransformer.toBytes());
            return new StreamingPayload((SdkPojo) download.response(), download.asByteArray());
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    boolean uploads() {
        return method.getParameterCount() == 2 && method.getParameterTypes()[1] == RequestBody.class;
    }
}
