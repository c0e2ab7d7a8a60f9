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
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
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

    private static final DateTimeFormatter STREAM_DATE = DateTimeFormatter.ofPattern("yyyy/MM/dd")
            .withZone(ZoneOffset.UTC);
    private static final AtomicLong ENVIRONMENTS = new AtomicLong();

    private final String functionName;
    private final String roleArn;
    private final Path jar;
    private final String handler;
    private final Function<String, HandlerContext> contexts;
    private final Supplier<Map<String, String>> environment;
    private final FunctionLogs logs;
    private final Clock clock;
    private Handler loaded;
    private String logStream;

    /**
     * {@code environment}: the execution environment's variables, asked for once when the class is
     * loaded, as an execution environment's are fixed when it starts.
     */
    JavaPackageCode(String functionName, String roleArn, Path jar, String handler,
            Function<String, HandlerContext> contexts, Supplier<Map<String, String>> environment, FunctionLogs logs,
            Clock clock) {
        this.functionName = functionName;
        this.roleArn = roleArn;
        this.jar = jar;
        this.handler = handler;
        this.contexts = contexts;
        this.environment = environment;
        this.logs = logs;
        this.clock = clock;
    }

    /**
     * Runs the handler with what it prints going to its log stream, between the runtime's START,
     * END and REPORT lines, delivered when it returns (a run cut off by its Timeout delivers when its
     * thread ends).
     */
    @Override
    public CompletableFuture<byte[]> invoke(byte[] payload) {
        HandlerContext context = contexts.apply(logStream());
        return clock.runOutside(() -> {
            InvocationLog log = new InvocationLog(clock);
            Instant start = clock.now();
            log.line("START RequestId: " + context.requestId() + " Version: " + LocalFunction.LATEST);
            try {
                return FunctionOutput.capture(log, () -> handler().call(payload, context));
            } catch (InvocationTargetException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            } finally {
                log.line("END RequestId: " + context.requestId());
                log.line(report(context, Duration.between(start, clock.now())));
                logs.deliver(functionName, roleArn, context.getLogGroupName(), context.getLogStreamName(),
                        log.lines());
            }
        });
    }

    /**
     * The runtime's REPORT line, its fields tab-separated as Lambda writes them (the developer guide
     * shows them rendered; the separator is not documented). Billed Duration is rounded up to the
     * millisecond, at least 1 ms. Max Memory Used cannot be measured for one function in a shared JVM:
     * the twin reports the JVM's heap in use, at most the function's memory size.
     */
    private static String report(HandlerContext context, Duration took) {
        double millis = took.toNanos() / 1_000_000.0;
        long billed = Math.max(1, (long) Math.ceil(millis));
        Runtime jvm = Runtime.getRuntime();
        long usedMb = Math.min(context.memorySize(), (jvm.totalMemory() - jvm.freeMemory()) / (1024 * 1024));
        return String.format(Locale.ROOT, "REPORT RequestId: %s\tDuration: %.2f ms\tBilled Duration: %d ms\t"
                + "Memory Size: %d MB\tMax Memory Used: %d MB\t", context.requestId(), millis, billed,
                context.memorySize(), usedMb);
    }

    /**
     * The execution environment's stream, named when it starts as Lambda names it:
     * {@code YYYY/MM/DD/[$LATEST]} and a 32-digit hex id.
     */
    private synchronized String logStream() {
        if (logStream == null) {
            Instant started = clock.now();
            String id = UUID.nameUUIDFromBytes((functionName + started + ENVIRONMENTS.incrementAndGet())
                    .getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
            logStream = STREAM_DATE.format(started) + "/[" + LocalFunction.LATEST + "]" + id;
        }
        return logStream;
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
