package dev.greenlight.local.aws.lambda;

import dev.greenlight.local.asl.Json;
import dev.greenlight.local.asl.task.LambdaHandler;
import dev.greenlight.local.aws.LocalAccount;
import dev.greenlight.local.aws.SdkModels;
import dev.greenlight.local.clock.Await;
import dev.greenlight.local.clock.Clock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.random.RandomGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.AliasConfiguration;
import software.amazon.awssdk.services.lambda.model.CreateAliasRequest;
import software.amazon.awssdk.services.lambda.model.CreateAliasResponse;
import software.amazon.awssdk.services.lambda.model.DeleteAliasRequest;
import software.amazon.awssdk.services.lambda.model.DeleteAliasResponse;
import software.amazon.awssdk.services.lambda.model.GetAliasRequest;
import software.amazon.awssdk.services.lambda.model.GetAliasResponse;
import software.amazon.awssdk.services.lambda.model.ListAliasesRequest;
import software.amazon.awssdk.services.lambda.model.ListAliasesResponse;
import software.amazon.awssdk.services.lambda.model.ListVersionsByFunctionRequest;
import software.amazon.awssdk.services.lambda.model.ListVersionsByFunctionResponse;
import software.amazon.awssdk.services.lambda.model.PublishVersionRequest;
import software.amazon.awssdk.services.lambda.model.PublishVersionResponse;
import software.amazon.awssdk.services.lambda.model.UpdateAliasRequest;
import software.amazon.awssdk.services.lambda.model.UpdateAliasResponse;
import software.amazon.awssdk.services.lambda.model.AddPermissionRequest;
import software.amazon.awssdk.services.lambda.model.AddPermissionResponse;
import software.amazon.awssdk.services.lambda.model.CreateFunctionRequest;
import software.amazon.awssdk.services.lambda.model.CreateFunctionResponse;
import software.amazon.awssdk.services.lambda.model.DeleteFunctionRequest;
import software.amazon.awssdk.services.lambda.model.DeleteFunctionResponse;
import software.amazon.awssdk.services.lambda.model.GetPolicyRequest;
import software.amazon.awssdk.services.lambda.model.GetPolicyResponse;
import software.amazon.awssdk.services.lambda.model.PackageType;
import software.amazon.awssdk.services.lambda.model.RemovePermissionRequest;
import software.amazon.awssdk.services.lambda.model.RemovePermissionResponse;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionCodeRequest;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionCodeResponse;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionConfigurationRequest;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionConfigurationResponse;
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
 * The Lambda twin: functions are Java code registered in-process ({@link #register}) or created
 * from a deployment package ({@link #createFunction}; Java runtimes run in-process), invoked
 * through {@link LambdaClient} as AWS invokes them: RequestResponse answers with the payload or the
 * error document, Event queues the invocation on the clock (202), DryRun only checks (204).
 * PublishVersion snapshots $LATEST as a numbered version and aliases point at a version; Invoke
 * with a version or alias runs that version's code and answers its ExecutedVersion.
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
    private final Map<String, ResourcePolicy> policies = new HashMap<>();
    private final Map<String, FunctionVersions> published = new HashMap<>();
    private final Map<String, Path> packages = new HashMap<>();
    private volatile RuntimeVariables runtime = RuntimeVariables.NONE;
    private volatile FunctionLogs logs = FunctionLogs.DROPPED;

    public LambdaTwin(Clock clock, RandomGenerator random) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        this.runs = new FunctionRun(clock);
        this.async = new AsyncInvocations(clock, runs);
    }

    /**
     * What execution environments started from now on add to their functions' variables: credentials
     * and the endpoint, once the twin is served on one.
     */
    public void runtimeVariables(RuntimeVariables variables) {
        this.runtime = Objects.requireNonNull(variables, "variables");
    }

    /** Where functions from code send what they print (CloudWatch Logs, as their execution role). */
    public void functionLogs(FunctionLogs logs) {
        this.logs = Objects.requireNonNull(logs, "logs");
    }

    private void deliverLogs(String functionName, String roleArn, String logGroup, String logStream,
            List<FunctionLogs.LogLine> events) {
        logs.deliver(functionName, roleArn, logGroup, logStream, events);
    }

    /** Creates the function, or replaces its code and configuration; returns its ARN. */
    public synchronized String register(String name, FunctionSettings settings, FunctionCode code) {
        LocalFunction function = new LocalFunction(name, LocalFunction.LATEST, settings, code, clock.now(), 0L, "");
        functions.put(name, function);
        return function.arn();
    }

    /** A function from a deployment package (ZipFile); see {@link FunctionPackages} for what runs. */
    @Override
    public synchronized CreateFunctionResponse createFunction(CreateFunctionRequest request) {
        FunctionSettings settings = FunctionPackages.settings(request);
        if (request.packageType() != null && request.packageType() != PackageType.ZIP) {
            throw LambdaErrors.invalidParameter("The local Lambda twin takes only Zip packages: pass --zip-file"
                    + " fileb://<package> with --runtime and --handler");
        }
        byte[] zip = FunctionPackages.zipFile(request.code());
        if (functions.containsKey(request.functionName())) {
            throw LambdaErrors.conflict("Function already exist: " + request.functionName());
        }
        LocalFunction function = fromPackage(request.functionName(), settings, zip);
        return SdkModels.copy(function.configuration(), CreateFunctionResponse.builder()).build();
    }

    @Override
    public synchronized UpdateFunctionCodeResponse updateFunctionCode(UpdateFunctionCodeRequest request) {
        LocalFunction function = find(FunctionReference.parse(request.functionName(), null));
        byte[] zip = FunctionPackages.zipFile(request.zipFile(),
                request.s3Bucket() != null || request.imageUri() != null);
        LocalFunction updated = fromPackage(function.name(), function.settings(), zip);
        return SdkModels.copy(updated.configuration(), UpdateFunctionCodeResponse.builder()).build();
    }

    /**
     * Changes $LATEST's configuration in place, keeping its code, versions, aliases and policy; the
     * next invocation starts a new execution environment, as in AWS. Lambda answers
     * ResourceConflictException while an update is in progress; the twin's updates complete at once,
     * so it never does. RevisionId is not modelled (the twin's functions have none).
     */
    @Override
    public synchronized UpdateFunctionConfigurationResponse updateFunctionConfiguration(
            UpdateFunctionConfigurationRequest request) {
        LocalFunction function = find(FunctionReference.parse(request.functionName(), null));
        FunctionSettings settings = FunctionPackages.reconfigured(function.settings(), request);
        Path jar = packages.get(function.name());
        FunctionCode code = jar == null ? function.code()
                : FunctionPackages.code(function.name(), function.arn(), settings, jar, this::runtimeVariables,
                        this::deliverLogs, clock);
        LocalFunction updated = new LocalFunction(function.name(), LocalFunction.LATEST, settings, code, clock.now(),
                function.codeSize(), function.codeSha256());
        functions.put(function.name(), updated);
        return SdkModels.copy(updated.configuration(), UpdateFunctionConfigurationResponse.builder()).build();
    }

    /** Deleting the function deletes its resource policy with it. */
    @Override
    public synchronized DeleteFunctionResponse deleteFunction(DeleteFunctionRequest request) {
        FunctionReference reference = FunctionReference.parse(request.functionName(), request.qualifier());
        LocalFunction function = find(reference);
        if (!function.version().equals(LocalFunction.LATEST)) {
            versionsOf(function.name()).deleteVersion(latest(function.name()), reference.qualifier());
            return DeleteFunctionResponse.builder().build();
        }
        functions.remove(function.name());
        packages.remove(function.name());
        policies.remove(function.name());
        published.remove(function.name());
        return DeleteFunctionResponse.builder().build();
    }

    /**
     * A statement added with a qualifier applies to that version's or alias's ARN only: "If you use a
     * qualifier, the invoker must use the full Amazon Resource Name (ARN) of that version or alias"
     * (AddPermission, Lambda API Reference).
     */
    @Override
    public synchronized AddPermissionResponse addPermission(AddPermissionRequest request) {
        FunctionReference reference = FunctionReference.parse(request.functionName(), request.qualifier());
        LocalFunction function = find(reference);
        String resource = reference.qualifier().equals(LocalFunction.LATEST) ? function.arn()
                : function.arn() + ":" + reference.qualifier();
        String statement = policies.computeIfAbsent(function.name(), name -> new ResourcePolicy())
                .add(request, resource);
        return AddPermissionResponse.builder().statement(statement).build();
    }

    @Override
    public synchronized RemovePermissionResponse removePermission(RemovePermissionRequest request) {
        LocalFunction function = find(FunctionReference.parse(request.functionName(), request.qualifier()));
        ResourcePolicy policy = policies.get(function.name());
        if (policy == null) {
            throw LambdaErrors.notFound("No policy is associated with the given resource.");
        }
        policy.remove(request.statementId());
        if (policy.isEmpty()) {
            policies.remove(function.name());
        }
        return RemovePermissionResponse.builder().build();
    }

    /** A function without statements has no policy: GetPolicy answers ResourceNotFoundException. */
    @Override
    public synchronized GetPolicyResponse getPolicy(GetPolicyRequest request) {
        LocalFunction function = find(FunctionReference.parse(request.functionName(), request.qualifier()));
        ResourcePolicy policy = policies.get(function.name());
        if (policy == null) {
            throw LambdaErrors.notFound("The resource you requested does not exist.");
        }
        return GetPolicyResponse.builder().policy(policy.document()).revisionId(revisionId(policy.document()))
                .build();
    }

    private LocalFunction fromPackage(String name, FunctionSettings settings, byte[] zip) {
        String arn = LocalAccount.arn("lambda", "function:" + name);
        Path jar = FunctionPackages.store(zip);
        LocalFunction function = new LocalFunction(name, LocalFunction.LATEST, settings,
                FunctionPackages.code(name, arn, settings, jar, this::runtimeVariables, this::deliverLogs, clock),
                clock.now(), zip.length, FunctionPackages.sha256(zip));
        functions.put(name, function);
        packages.put(name, jar);
        return function;
    }

    /** Read when an execution environment starts, so a twin served after its functions were created still reaches them. */
    private Map<String, String> runtimeVariables(String functionName, String roleArn) {
        return runtime.variables(functionName, roleArn);
    }

    private static String revisionId(String document) {
        return UUID.nameUUIDFromBytes(document.getBytes(StandardCharsets.UTF_8)).toString();
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
            throw LambdaErrors.validation(maxItems, "maxItems", maxItems < 1
                    ? "Member must have value greater than or equal to 1"
                    : "Member must have value less than or equal to 10000");
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
                    .executedVersion(function.version())
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

    @Override
    public synchronized PublishVersionResponse publishVersion(PublishVersionRequest request) {
        LocalFunction latest = latest(request.functionName());
        if (request.codeSha256() != null && !request.codeSha256().equals(latest.codeSha256())) {
            throw LambdaErrors.invalidParameter("CodeSHA256 (" + request.codeSha256()
                    + ") is different from current CodeSHA256 in $LATEST (" + latest.codeSha256()
                    + "). Please try again with the CodeSHA256 of $LATEST.");
        }
        LocalFunction version = versionsOf(latest.name()).publish(latest);
        return SdkModels.copy(version.configuration(), PublishVersionResponse.builder()).build();
    }

    /** $LATEST first, then the published versions in order; one page holds them all. */
    @Override
    public synchronized ListVersionsByFunctionResponse listVersionsByFunction(ListVersionsByFunctionRequest request) {
        LocalFunction latest = latest(request.functionName());
        List<FunctionConfiguration> versions = new java.util.ArrayList<>();
        versions.add(latest.configuration());
        versionsOf(latest.name()).versions().forEach(v -> versions.add(v.configuration()));
        return ListVersionsByFunctionResponse.builder().versions(versions).build();
    }

    @Override
    public synchronized CreateAliasResponse createAlias(CreateAliasRequest request) {
        LocalFunction latest = latest(request.functionName());
        AliasConfiguration alias = versionsOf(latest.name()).createAlias(latest, request.name(),
                request.functionVersion(), request.description());
        return SdkModels.copy(alias, CreateAliasResponse.builder()).build();
    }

    @Override
    public synchronized GetAliasResponse getAlias(GetAliasRequest request) {
        LocalFunction latest = latest(request.functionName());
        return SdkModels.copy(versionsOf(latest.name()).alias(latest, request.name()), GetAliasResponse.builder())
                .build();
    }

    @Override
    public synchronized UpdateAliasResponse updateAlias(UpdateAliasRequest request) {
        LocalFunction latest = latest(request.functionName());
        AliasConfiguration alias = versionsOf(latest.name()).updateAlias(latest, request.name(),
                request.functionVersion(), request.description(), request.revisionId());
        return SdkModels.copy(alias, UpdateAliasResponse.builder()).build();
    }

    /** Deleting an alias that does not exist succeeds, as Lambda answers it (204). */
    @Override
    public synchronized DeleteAliasResponse deleteAlias(DeleteAliasRequest request) {
        versionsOf(latest(request.functionName()).name()).deleteAlias(request.name());
        return DeleteAliasResponse.builder().build();
    }

    @Override
    public synchronized ListAliasesResponse listAliases(ListAliasesRequest request) {
        LocalFunction latest = latest(request.functionName());
        List<AliasConfiguration> aliases = versionsOf(latest.name()).aliases().stream()
                .filter(a -> request.functionVersion() == null || a.functionVersion().equals(request.functionVersion()))
                .toList();
        return ListAliasesResponse.builder().aliases(aliases).build();
    }

    private synchronized LocalFunction find(FunctionReference reference) {
        LocalFunction function = functions.get(reference.name());
        LocalFunction resolved = function == null ? null
                : versionsOf(reference.name()).resolve(function, reference.qualifier());
        if (resolved == null) {
            throw LambdaErrors.functionNotFound(reference.arn());
        }
        return resolved;
    }

    /** The function a name or unqualified ARN names, for the version and alias operations. */
    private LocalFunction latest(String functionName) {
        FunctionReference reference = FunctionReference.parse(functionName, null);
        LocalFunction function = functions.get(reference.name());
        if (function == null) {
            throw LambdaErrors.functionNotFound(FunctionReference.parse(reference.name(), null).arn());
        }
        return function;
    }

    private FunctionVersions versionsOf(String name) {
        return published.computeIfAbsent(name, n -> new FunctionVersions());
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
