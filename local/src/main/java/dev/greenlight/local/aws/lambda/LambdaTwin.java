package dev.greenlight.local.aws.lambda;

import dev.greenlight.local.asl.Json;
import dev.greenlight.local.asl.task.LambdaHandler;
import dev.greenlight.local.aws.LocalAccount;
import dev.greenlight.local.aws.SdkModels;
import dev.greenlight.local.clock.Await;
import dev.greenlight.local.clock.Clock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.random.RandomGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionCodeLocation;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationRequest;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.GetFunctionRequest;
import software.amazon.awssdk.services.lambda.model.GetFunctionResponse;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.ListFunctionsRequest;
import software.amazon.awssdk.services.lambda.model.ListFunctionsResponse;

/**
 * The Lambda twin: functions are Java code registered in-process ({@link #register}), invoked
 * through {@link LambdaClient} as AWS invokes them: RequestResponse answers with the payload or the
 * error document, Event queues the invocation on the clock (202), DryRun only checks (204).
 * Only {@code $LATEST} exists: there is no PublishVersion, so any other qualifier is not found.
 */
public final class LambdaTwin implements LambdaClient {

    /** Invoke's request payload quotas: 6 MB synchronous, 1 MB asynchronous. */
    static final int SYNC_PAYLOAD_LIMIT = 6_291_456;
    static final int ASYNC_PAYLOAD_LIMIT = 1_048_576;
    private static final int DEFAULT_MAX_ITEMS = 50;

    private final Clock clock;
    private final RandomGenerator random;
    private final FunctionRun runs;
    private final AsyncInvocations async;
    private final NavigableMap<String, LocalFunction> functions = new TreeMap<>();

    public LambdaTwin(Clock clock, RandomGenerator random) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        this.runs = new FunctionRun(clock);
        this.async = new AsyncInvocations(clock, runs);
    }

    /** Creates the function, or replaces its code and configuration; returns its ARN. */
    public synchronized String register(String name, FunctionSettings settings, FunctionCode code) {
        LocalFunction function = new LocalFunction(name, settings, code, clock.now());
        functions.put(name, function);
        return function.arn();
    }

    /** A JSON handler with CreateFunction's defaults (3 s, 128 MB). */
    public String register(String name, LambdaHandler handler) {
        return register(name, FunctionSettings.java("local." + name + "::handleRequest"), FunctionCode.json(handler));
    }

    @Override
    public GetFunctionResponse getFunction(GetFunctionRequest request) {
        LocalFunction function = find(FunctionReference.parse(request.functionName(), request.qualifier()));
        return GetFunctionResponse.builder()
                .configuration(function.configuration())
                .code(FunctionCodeLocation.builder().repositoryType("S3")
                        .location("https://awslambda-" + LocalAccount.REGION + "-tasks.s3." + LocalAccount.REGION
                                + ".amazonaws.com/snapshots/" + LocalAccount.ID + "/" + function.name())
                        .build())
                .build();
    }

    @Override
    public GetFunctionConfigurationResponse getFunctionConfiguration(GetFunctionConfigurationRequest request) {
        FunctionConfiguration configuration = find(FunctionReference.parse(request.functionName(),
                request.qualifier())).configuration();
        // The response repeats FunctionConfiguration's members one by one.
        return SdkModels.copy(configuration, GetFunctionConfigurationResponse.builder()).build();
    }

    @Override
    public synchronized ListFunctionsResponse listFunctions(ListFunctionsRequest request) {
        int maxItems = request.maxItems() == null ? DEFAULT_MAX_ITEMS : request.maxItems();
        if (maxItems < 1 || maxItems > 10_000) {
            throw LambdaErrors.invalidParameter("MaxItems must be between 1 and 10000");
        }
        NavigableMap<String, LocalFunction> from = request.marker() == null ? functions
                : functions.tailMap(request.marker(), true);
        List<FunctionConfiguration> page = from.values().stream().limit(maxItems)
                .map(LocalFunction::configuration).toList();
        String next = from.size() > maxItems ? from.keySet().stream().skip(maxItems).findFirst().orElseThrow() : null;
        return ListFunctionsResponse.builder().functions(page).nextMarker(next).build();
    }

    @Override
    public InvokeResponse invoke(InvokeRequest request) {
        return Await.result(clock, start(request));
    }

    /**
     * Invoke without waiting: validation failures are thrown at once, as the API refuses the call;
     * the response completes when the function has answered (at once for Event and DryRun).
     */
    public CompletableFuture<InvokeResponse> start(InvokeRequest request) {
        FunctionReference reference = FunctionReference.parse(request.functionName(), request.qualifier());
        LocalFunction function = find(reference);
        InvocationType type = request.invocationType() == null ? InvocationType.REQUEST_RESPONSE
                : request.invocationType();
        byte[] payload = payload(request.payload(), type);
        String requestId = requestId();
        return switch (type) {
            case DRY_RUN -> CompletableFuture.completedFuture(InvokeResponse.builder().statusCode(204).build());
            case EVENT -> {
                async.enqueue(function, payload, requestId);
                yield CompletableFuture.completedFuture(InvokeResponse.builder().statusCode(202)
                        .payload(SdkBytes.fromByteArray(new byte[0])).build());
            }
            default -> runs.run(function, payload, requestId).thenApply(result -> InvokeResponse.builder()
                    .statusCode(200)
                    .functionError(result.functionError() ? "Unhandled" : null)
                    .executedVersion(LocalFunction.LATEST)
                    .payload(SdkBytes.fromByteArray(result.payload()))
                    .build());
        };
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {
    }

    private synchronized LocalFunction find(FunctionReference reference) {
        LocalFunction function = functions.get(reference.name());
        if (function == null || !reference.qualifier().equals(LocalFunction.LATEST)) {
            throw LambdaErrors.functionNotFound(reference.arn());
        }
        return function;
    }

    /** The payload must be JSON within the quota of its invocation type; none at all is {@code {}}. */
    private static byte[] payload(SdkBytes payload, InvocationType type) {
        byte[] bytes = payload == null || payload.asByteArray().length == 0
                ? "{}".getBytes(StandardCharsets.UTF_8) : payload.asByteArray();
        int limit = type == InvocationType.EVENT ? ASYNC_PAYLOAD_LIMIT : SYNC_PAYLOAD_LIMIT;
        if (bytes.length > limit) {
            throw LambdaErrors.tooLarge(limit);
        }
        try {
            Json.MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw LambdaErrors.notJson(e.getOriginalMessage());
        } catch (IOException e) {
            throw LambdaErrors.notJson(e.getMessage());
        }
        return bytes;
    }

    private String requestId() {
        synchronized (random) {
            return new UUID(random.nextLong(), random.nextLong()).toString();
        }
    }
}
