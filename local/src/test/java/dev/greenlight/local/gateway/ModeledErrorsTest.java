package dev.greenlight.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.RequiredTrait;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * Every exception that any operation of the services the twins use may throw: the gateway knows
 * its code from the SDK's metadata, and a real SDK client that receives it over the wire raises
 * the very same exception type with that code and status. An SDK upgrade that changes a code or
 * the way the SDK keeps them fails here.
 */
class ModeledErrorsTest {

    private static final List<Class<? extends SdkClient>> SERVICES = List.of(SfnClient.class, CodeDeployClient.class,
            EcsClient.class, EcrClient.class, EventBridgeClient.class, LambdaClient.class, CloudWatchClient.class,
            SnsClient.class, ElasticLoadBalancingV2Client.class, IamClient.class, StsClient.class, S3Client.class);

    private static final Map<Class<? extends SdkClient>, Served> SERVED = new HashMap<>();

    static Stream<Arguments> declaredExceptions() {
        return SERVICES.stream().flatMap(service -> firstDeclaringOperation(service).entrySet().stream()
                .map(e -> Arguments.of(service.getSimpleName(), e.getKey().getSimpleName(), service, e.getKey(), e.getValue())));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("declaredExceptions")
    void everyDeclaredExceptionRoundTripsAsItself(String serviceName, String exceptionName,
            Class<? extends SdkClient> service, Class<?> exception, Method operation) throws Exception {
        ModeledError modeled = ModeledErrors.of(service).all().get(exception);
        assertThat(modeled).as("the SDK's metadata names a code for %s", exception.getName()).isNotNull();

        Served served = SERVED.computeIfAbsent(service, Served::start);
        served.next = (AwsServiceException) ((SdkBuilder<?, ?>) ((AwsServiceException.Builder)
                exception.getMethod("builder").invoke(null)).message("refused on purpose")).build();
        AwsServiceException raised = catchThrowableOfType(AwsServiceException.class,
                () -> invoke(operation, served.client, minimalRequest(operation)));

        assertThat(raised).isExactlyInstanceOf(exception);
        assertThat(raised.statusCode()).isEqualTo(modeled.status());
        assertThat(raised.awsErrorDetails().errorCode()).isEqualTo(modeled.code());
        assertThat(raised.awsErrorDetails().errorMessage()).isEqualTo("refused on purpose");
    }

    @AfterAll
    static void stopAll() {
        SERVED.values().forEach(served -> served.gateway.close());
    }

    private static Map<Class<?>, Method> firstDeclaringOperation(Class<?> service) {
        Map<Class<?>, Method> first = new LinkedHashMap<>();
        Arrays.stream(service.getMethods()).filter(Operation::isOperation).filter(m -> m.getParameterCount() == 1)
                .sorted(Comparator.comparing(Method::getName))
                .forEach(method -> Arrays.stream(method.getExceptionTypes())
                        .filter(AwsServiceException.class::isAssignableFrom)
                        .filter(type -> Modifier.isFinal(type.getModifiers()))
                        .forEach(type -> first.putIfAbsent(type, method)));
        return first;
    }

    /**
     * An empty request, but with path labels and required members filled: the SDK refuses to send
     * an empty label or a missing required member (and S3's client a bucket name under three characters).
     */
    private static Object minimalRequest(Method operation) throws Exception {
        SdkPojo builder = (SdkPojo) operation.getParameterTypes()[0].getMethod("builder").invoke(null);
        for (SdkField<?> field : builder.sdkFields()) {
            if (field.location() == MarshallLocation.PATH || field.location() == MarshallLocation.GREEDY_PATH
                    || field.containsTrait(RequiredTrait.class) && field.marshallingType() == MarshallingType.STRING) {
                field.set(builder, field.marshallingType() == MarshallingType.STRING ? "xyz"
                        : field.marshallingType() == MarshallingType.LONG ? (Object) 1L : (Object) 1);
            }
        }
        return ((SdkBuilder<?, ?>) builder).build();
    }

    private static void invoke(Method operation, Object client, Object request) throws Throwable {
        try {
            operation.invoke(client, request);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** A gateway with a twin (a proxy of the client interface) that throws whatever is set next. */
    private static final class Served {
        WireGateway gateway;
        Object client;
        volatile AwsServiceException next;

        @SuppressWarnings({"unchecked", "rawtypes"})
        static Served start(Class<? extends SdkClient> service) {
            Served served = new Served();
            Object twin = Proxy.newProxyInstance(service.getClassLoader(), new Class<?>[] {service},
                    (proxy, method, args) -> {
                        if (method.getName().equals("serviceName")) {
                            return service.getField("SERVICE_NAME").get(null);
                        }
                        throw served.next;
                    });
            served.gateway = WireGateway.builder().register((Class) service, (SdkClient) twin).start(0);
            try {
                Object builder = service.getMethod("builder").invoke(null);
                served.client = SdkClients.against(served.gateway, (software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<?, ?>) builder);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            return served;
        }
    }
}
