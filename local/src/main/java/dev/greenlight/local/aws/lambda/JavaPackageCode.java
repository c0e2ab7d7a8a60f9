package dev.greenlight.local.aws.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JavaType;
import dev.greenlight.local.asl.Json;
import dev.greenlight.local.clock.Clock;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The code of a function created from a zip or jar on a Java runtime. The handler is
 * {@code package.Class::method} or {@code package.Class} (method {@code handleRequest}), as the
 * Java runtime reads it; the method takes {@code (InputStream, OutputStream[, Context])} like a
 * RequestStreamHandler, or {@code (event[, Context])} like a RequestHandler, the event and result
 * bound to JSON with Jackson. The class is loaded once, lazily, from the package's temp file, in a
 * {@link FunctionClassLoader} of its own: one execution environment, with its environment variables.
 * The handler runs outside the clock ({@link Clock#runOutside}): in real time on its own thread,
 * so the Timeout cuts it off and a handler that calls back into the twin (a hook's GET through
 * a listener, PutLifecycleEventHookExecutionStatus) is served meanwhile; in virtual time at once,
 * taking no time.
 */
final class JavaPackageCode implements FunctionCode {

    private final String functionName;
    private final Path jar;
    private final String handler;
    private final Supplier<HandlerContext> contexts;
    private final Supplier<Map<String, String>> environment;
    private final Clock clock;
    private Handler loaded;

    /**
     * {@code environment}: the execution environment's variables, asked for once when the class is
     * loaded, as an execution environment's are fixed when it starts.
     */
    JavaPackageCode(String functionName, Path jar, String handler, Supplier<HandlerContext> contexts,
            Supplier<Map<String, String>> environment, Clock clock) {
        this.functionName = functionName;
        this.jar = jar;
        this.handler = handler;
        this.contexts = contexts;
        this.environment = environment;
        this.clock = clock;
    }

    @Override
    public CompletableFuture<byte[]> invoke(byte[] payload) {
        HandlerContext context = contexts.get();
        return clock.runOutside(() -> {
            try {
                return handler().call(payload, context);
            } catch (InvocationTargetException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        });
    }

    private synchronized Handler handler() throws Exception {
        if (loaded == null) {
            loaded = load();
        }
        return loaded;
    }

    private Handler load() throws Exception {
        String[] parts = handler.split("::", 2);
        String methodName = parts.length == 2 ? parts[1] : "handleRequest";
        FunctionClassLoader loader = new FunctionClassLoader(functionName, jar, environment.get());
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(loader);
        try {
            return load(loader, parts[0], methodName);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    private static Handler load(ClassLoader loader, String className, String methodName) throws Exception {
        Class<?> type;
        try {
            type = Class.forName(className, true, loader);
        } catch (ClassNotFoundException e) {
            // The Java runtime's wording for a handler class missing from the package.
            throw new ClassNotFoundException("Class not found: " + className, e);
        }
        Method method = Arrays.stream(type.getMethods())
                .filter(m -> m.getName().equals(methodName) && !m.isBridge() && m.getParameterCount() >= 1
                        && m.getParameterCount() <= 3)
                .max(Comparator.comparingInt(Method::getParameterCount))
                .orElseThrow(() -> new NoSuchMethodException("No public method named " + methodName + " with"
                        + " appropriate method signature found on class " + type.getName()));
        Object instance = Modifier.isStatic(method.getModifiers()) ? null
                : type.getConstructor().newInstance();
        return new Handler(instance, method);
    }

    /** A loaded handler method and the instance it is called on (null when static). */
    private record Handler(Object instance, Method method) {

        byte[] call(byte[] payload, Context context) throws Exception {
            Class<?>[] parameters = method.getParameterTypes();
            ClassLoader previous = Thread.currentThread().getContextClassLoader();
            Thread.currentThread().setContextClassLoader(method.getDeclaringClass().getClassLoader());
            try {
                if (parameters.length >= 2 && parameters[0] == InputStream.class
                        && parameters[1] == OutputStream.class) {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    InputStream in = new ByteArrayInputStream(payload);
                    method.invoke(instance, parameters.length == 3 ? new Object[] {in, out, context}
                            : new Object[] {in, out});
                    return out.toByteArray();
                }
                JavaType eventType = Json.MAPPER.constructType(method.getGenericParameterTypes()[0]);
                Object event = Json.MAPPER.readValue(payload, eventType);
                Object result = method.invoke(instance, parameters.length == 2 ? new Object[] {event, context}
                        : new Object[] {event});
                return method.getReturnType() == void.class ? "null".getBytes(StandardCharsets.UTF_8)
                        : Json.MAPPER.writeValueAsBytes(result);
            } finally {
                Thread.currentThread().setContextClassLoader(previous);
            }
        }
    }
}
