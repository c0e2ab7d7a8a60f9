package dev.greenlight.local.gateway;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.protocols.core.ExceptionMetadata;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * The error code and status of every modeled exception of one service, read from the SDK's own
 * metadata (never from class names, which often differ from the codes): query services register
 * them with their protocol factory; awsJson and restJson services keep per-operation lookups
 * from code to exception, which are asked about every string constant of the client class.
 */
final class ModeledErrors {

    private static final Pattern CODE_LIKE = Pattern.compile("[A-Za-z][A-Za-z0-9_.#:]*");

    /** Reading the metadata builds a client and probes its lookups: once per service is enough. */
    private static final Map<Class<?>, ModeledErrors> KNOWN = new ConcurrentHashMap<>();

    private final Map<Class<?>, ModeledError> byException;

    private ModeledErrors(Map<Class<?>, ModeledError> byException) {
        this.byException = Map.copyOf(byException);
    }

    static ModeledErrors of(Class<? extends SdkClient> clientInterface) {
        return KNOWN.computeIfAbsent(clientInterface, ModeledErrors::read);
    }

    private static ModeledErrors read(Class<?> clientInterface) {
        Map<String, ExceptionMetadata> byCode = new TreeMap<>();
        Class<?> client = defaultClient(clientInterface);
        registered(clientInterface).forEach(meta -> byCode.putIfAbsent(meta.errorCode(), meta));
        operationLookups(client).forEach(lookup -> probe(lookup, ClassConstants.of(client), byCode));
        Map<Class<?>, ModeledError> byException = new ConcurrentHashMap<>();
        byCode.values().forEach(meta -> byException.putIfAbsent(exceptionClass(meta),
                new ModeledError(meta.errorCode(), meta.httpStatusCode() == null ? 400 : meta.httpStatusCode())));
        return new ModeledErrors(byException);
    }

    Optional<ModeledError> of(Throwable exception) {
        return Optional.ofNullable(byException.get(exception.getClass()));
    }

    Map<Class<?>, ModeledError> all() {
        return byException;
    }

    private static Class<?> defaultClient(Class<?> clientInterface) {
        String name = clientInterface.getPackageName() + ".Default" + clientInterface.getSimpleName();
        try {
            return Class.forName(name, false, clientInterface.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("not an AWS SDK v2 client interface: " + clientInterface.getName(), e);
        }
    }

    private static List<Method> operationLookups(Class<?> client) {
        return java.util.Arrays.stream(client.getDeclaredMethods())
                .filter(m -> Modifier.isStatic(m.getModifiers()) && m.isSynthetic())
                .filter(m -> m.getReturnType() == Optional.class)
                .filter(m -> m.getParameterCount() == 1 && m.getParameterTypes()[0] == String.class)
                .peek(m -> m.setAccessible(true))
                .toList();
    }

    private static void probe(Method lookup, List<String> candidates, Map<String, ExceptionMetadata> byCode) {
        for (String candidate : candidates) {
            if (!byCode.containsKey(candidate) && CODE_LIKE.matcher(candidate).matches()) {
                invoke(lookup, candidate).ifPresent(meta -> byCode.put(candidate, (ExceptionMetadata) meta));
            }
        }
    }

    private static Optional<?> invoke(Method lookup, String code) {
        try {
            return (Optional<?>) lookup.invoke(null, code);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read the SDK's error lookup " + lookup, e);
        }
    }

    /** Builds the real client (with an HTTP client that never sends) to read its protocol factory. */
    @SuppressWarnings("unchecked")
    private static Collection<ExceptionMetadata> registered(Class<?> clientInterface) {
        try {
            Object builder = clientInterface.getMethod("builder").invoke(null);
            ((AwsClientBuilder<?, ?>) builder).region(Region.US_EAST_1)
                    .credentialsProvider(AnonymousCredentialsProvider.create())
                    .endpointOverride(URI.create("http://127.0.0.1"));
            ((AwsSyncClientBuilder<?, ?>) builder).httpClient(new NeverSends());
            try (SdkClient client = (SdkClient) ((SdkBuilder<?, ?>) builder).build()) {
                Object factory = field(client.getClass(), "protocolFactory").get(client);
                return (Collection<ExceptionMetadata>) field(factory.getClass(), "modeledExceptions").get(factory);
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read the SDK's modeled exceptions of " + clientInterface, e);
        }
    }

    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
        for (Class<?> k = type; k != null; k = k.getSuperclass()) {
            try {
                Field field = k.getDeclaredField(name);
                field.setAccessible(true);
                return field;
            } catch (NoSuchFieldException e) {
                // declared further up
            }
        }
        throw new NoSuchFieldException(type.getName() + "." + name);
    }

    private static Class<?> exceptionClass(ExceptionMetadata meta) {
        return ((SdkBuilder<?, ?>) meta.exceptionBuilderSupplier().get()).build().getClass();
    }

    private static final class NeverSends implements SdkHttpClient {
        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            throw new UnsupportedOperationException("metadata only");
        }

        @Override
        public void close() {
        }
    }
}
