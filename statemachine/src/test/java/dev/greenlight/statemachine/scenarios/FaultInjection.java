package dev.greenlight.statemachine.scenarios;

import dev.greenlight.local.aws.AwsErrors;
import dev.greenlight.statemachine.twin.ClientDecorator;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.EcrException;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.EcsException;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ElasticLoadBalancingV2Exception;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.SfnException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.ThrottledException;

/**
 * Faults between the real workers and the service twins: each client a worker receives is a
 * {@link Proxy} that asks {@link Fault} before every operation (a method answering an SDK response)
 * and throws what it is given instead of calling the twin.
 */
final class FaultInjection implements ClientDecorator {

    /** What to throw instead of the {@code call}-th call (from 1) of {@code operation}, or null to let it through. */
    @FunctionalInterface
    interface Fault {
        RuntimeException on(String function, Class<?> clientType, String operation, int call);
    }

    /** Each service's own throttling error, as its API answers it after the SDK's retries gave up. */
    private static final Map<Class<?>, Supplier<AwsServiceException>> THROTTLING = Map.of(
            EcrClient.class, () -> AwsErrors.of(EcrException.builder(), "ThrottlingException", "Rate exceeded", 400),
            EcsClient.class, () -> AwsErrors.of(EcsException.builder(), "ThrottlingException", "Rate exceeded", 400),
            CodeDeployClient.class, () -> AwsErrors.of(
                    software.amazon.awssdk.services.codedeploy.model.ThrottlingException.builder(),
                    "ThrottlingException", "Rate exceeded", 400),
            CloudWatchClient.class, () -> AwsErrors.of(CloudWatchException.builder(), "Throttling", "Rate exceeded", 400),
            SnsClient.class, () -> AwsErrors.of(ThrottledException.builder(), "Throttled", "Rate exceeded", 429),
            EventBridgeClient.class, () -> AwsErrors.of(
                    software.amazon.awssdk.services.eventbridge.model.ThrottlingException.builder(),
                    "ThrottlingException", "Rate exceeded", 400),
            SfnClient.class, () -> AwsErrors.of(SfnException.builder(), "ThrottlingException", "Rate exceeded", 400),
            ElasticLoadBalancingV2Client.class, () -> AwsErrors.of(ElasticLoadBalancingV2Exception.builder(),
                    "Throttling", "Rate exceeded", 400));

    private final Fault fault;
    /** Calls so far by operation ({@code EcrClient.describeImages}), whichever worker made them. */
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    FaultInjection(Fault fault) {
        this.fault = fault;
    }

    /** The first {@code times.applyAsInt(operation)} calls of each operation are throttled. */
    static FaultInjection throttling(ToIntFunction<String> times) {
        return new FaultInjection((function, clientType, operation, call) ->
                call <= times.applyAsInt(operation) ? throttlingError(clientType) : null);
    }

    /** Every call {@code function} makes through any client fails as a crashed worker does. */
    static FaultInjection crashing(String function) {
        return new FaultInjection((caller, clientType, operation, call) -> caller.equals(function)
                ? new IllegalStateException("worker crashed in " + operation) : null);
    }

    static AwsServiceException throttlingError(Class<?> clientType) {
        Supplier<AwsServiceException> error = THROTTLING.get(clientType);
        if (error == null) {
            throw new IllegalArgumentException("no throttling error for " + clientType.getSimpleName());
        }
        return error.get();
    }

    @Override
    public <C> C decorate(String function, Class<C> clientType, C client) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (SdkResponse.class.isAssignableFrom(method.getReturnType())) {
                String operation = clientType.getSimpleName() + "." + method.getName();
                int call = calls.computeIfAbsent(operation, name -> new AtomicInteger()).incrementAndGet();
                RuntimeException thrown = fault.on(function, clientType, operation, call);
                if (thrown != null) {
                    throw thrown;
                }
            }
            try {
                return method.invoke(client, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return clientType.cast(Proxy.newProxyInstance(clientType.getClassLoader(), new Class<?>[] {clientType}, handler));
    }
}
