package dev.greenlight.local.aws.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.greenlight.local.aws.LocalAccount;
import dev.greenlight.local.clock.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.cloudformation.model.StackEvent;

/**
 * Runs one stack operation to its end: create (rolled back when a resource fails, unless
 * rollback is disabled), update (resources added, changed in place or replaced, then the old ones
 * cleaned up; undone in reverse when one fails) and delete (in reverse dependency order). Each
 * step is an event stamped with the twin's clock.
 *
 * <p>As in AWS, the call that starts an operation returns with the stack IN_PROGRESS; the work runs
 * on the twin's clock. After each resource's call, CloudFormation waits until the resource is stable
 * (its provider's {@link ResourceProvider#stabilized}, {@link ResourceProvider#removed}), looking
 * again as the provider asks, so that an ECS service is complete only once its tasks run.
 */
final class StackRun {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> ACCESS_DENIED_CODES = Set.of("AccessDenied", "AccessDeniedException",
            "AuthorizationError", "UnauthorizedOperation");

    private final Stack stack;
    private final ResourceProviders providers;
    private final Clock clock;
    private final Scope.Exports exports;
    private final List<String> zones;
    private final RandomGenerator random;
    private final Later later;

    StackRun(Stack stack, ResourceProviders providers, Clock clock, Scope.Exports exports, List<String> zones,
            RandomGenerator random, Later later) {
        this.later = later;
        this.stack = stack;
        this.providers = providers;
        this.clock = clock;
        this.exports = exports;
        this.zones = zones;
        this.random = random;
    }

    /** The scope a template is evaluated in on this stack, conditions included. */
    Scope scope(Template template, ParameterValues parameters) {
        Map<String, JsonNode> pseudo = new LinkedHashMap<>();
        pseudo.put("AWS::AccountId", NODES.textNode(LocalAccount.ID));
        pseudo.put("AWS::Region", NODES.textNode(LocalAccount.REGION));
        pseudo.put("AWS::Partition", NODES.textNode("aws"));
        pseudo.put("AWS::URLSuffix", NODES.textNode("amazonaws.com"));
        pseudo.put("AWS::StackName", NODES.textNode(stack.name));
        pseudo.put("AWS::StackId", NODES.textNode(stack.stackId));
        pseudo.put("AWS::NotificationARNs", NODES.arrayNode().addAll(stack.notificationArns.stream()
                .map(NODES::textNode).toList()));
        Scope.Resources resources = new Scope.Resources() {
            @Override
            public Optional<JsonNode> ref(String logicalId) {
                return Optional.ofNullable(stack.resources.get(logicalId)).map(StackResource::physicalId)
                        .map(NODES::textNode);
            }

            @Override
            public Optional<JsonNode> attribute(String logicalId, String attribute) {
                return Optional.ofNullable(stack.resources.get(logicalId)).map(StackResource::provisioned)
                        .map(p -> p.attributes().get(attribute));
            }

            @Override
            public boolean declared(String logicalId) {
                return template.resources().containsKey(logicalId);
            }
        };
        Scope base = new Scope(parameters.values(), pseudo, template.mappings(), Map.of(), resources, exports, zones);
        return base.withConditions(Conditions.evaluateAll(template.conditions(), base));
    }

    /** Starts a create; the returned stage completes when the stack has reached its final status. */
    CompletableFuture<Void> create() {
        stack.cancelRequested = false;
        stackStatus("CREATE_IN_PROGRESS", "User Initiated");
        Scope scope = scope(stack.template, stack.parameters);
        List<String> order = included(Dependencies.creationOrder(stack.template), stack.template, scope);
        List<String> created = new ArrayList<>();
        return onClock(() -> each(order, id -> createResource(stack.template.resources().get(id), scope, created))
                .thenRun(() -> {
                    try {
                        stack.outputs = outputs(scope);
                    } catch (RuntimeException e) {
                        throw new StackFailure(reason(e).replaceFirst("\\.?$", ". "));
                    }
                    stackStatus("CREATE_COMPLETE", null);
                })
                .exceptionallyCompose(failure -> {
                    RuntimeException cause = cause(failure);
                    if (cause instanceof Cancelled) {
                        return delete();
                    }
                    return failCreate(cause instanceof StackFailure ? cause.getMessage() : reason(cause) + " ", created);
                }));
    }

    private CompletableFuture<Void> failCreate(String reason, List<String> created) {
        if (stack.disableRollback) {
            stackStatus("CREATE_FAILED", reason);
            return done();
        }
        stack.cancelRequested = false;
        stackStatus("ROLLBACK_IN_PROGRESS", reason + "Rollback requested by user.");
        return each(reversed(created), this::deleteQuietly).thenRun(() -> stackStatus("ROLLBACK_COMPLETE", null));
    }

    /** Starts an update; the returned stage completes when the stack has reached its final status. */
    CompletableFuture<Void> update(Template template, ParameterValues parameters) {
        Template previousTemplate = stack.template;
        ParameterValues previousParameters = stack.parameters;
        List<String> previousOrder = Dependencies.creationOrder(previousTemplate);
        stack.template = template;
        stack.parameters = parameters;
        stack.cancelRequested = false;
        stackStatus("UPDATE_IN_PROGRESS", "User Initiated");
        Scope scope = scope(template, parameters);
        List<String> order = included(Dependencies.creationOrder(template), template, scope);
        List<Supplier<CompletableFuture<Void>>> undo = new ArrayList<>();
        List<StackResource> replaced = new ArrayList<>();
        Set<String> kept = new HashSet<>(order);
        return onClock(() -> each(order, id -> updateResource(template.resources().get(id), scope, undo, replaced))
                .thenCompose(ignored -> {
                    try {
                        stack.outputs = outputs(scope);
                    } catch (RuntimeException e) {
                        throw new StackFailure(reason(e));
                    }
                    stackStatus("UPDATE_COMPLETE_CLEANUP_IN_PROGRESS", null);
                    List<String> removed = reversed(previousOrder).stream()
                            .filter(id -> !kept.contains(id) && stack.resources.containsKey(id)).toList();
                    return each(replaced, old -> quietly(removePhysical(old)))
                            .thenCompose(again -> each(removed, this::deleteQuietly))
                            .thenRun(() -> stackStatus("UPDATE_COMPLETE", null));
                })
                .exceptionallyCompose(failure -> {
                    RuntimeException cause = cause(failure);
                    // Cancelling an update: AWS's wording for the stack's reason is not published.
                    String reason = cause instanceof Cancelled ? "Stack update cancelled"
                            : cause instanceof StackFailure ? cause.getMessage() : reason(cause);
                    return rollBackUpdate(reason, undo, previousTemplate, previousParameters);
                }));
    }

    private CompletableFuture<Void> updateResource(ResourceDeclaration declaration, Scope scope,
            List<Supplier<CompletableFuture<Void>>> undo, List<StackResource> replaced) {
        String id = declaration.logicalId();
        StackResource existing = stack.resources.get(id);
        if (existing == null) {
            List<String> created = new ArrayList<>();
            return createResource(declaration, scope, created).whenComplete((ok, failure) -> {
                if (!created.isEmpty()) {
                    undo.add(() -> deleteQuietly(id));
                }
            });
        }
        ObjectNode properties = (ObjectNode) new Intrinsics(scope).resolve(declaration.properties());
        Set<String> changed = changedProperties(existing.properties(), properties);
        boolean typeChanged = !existing.type().equals(declaration.type());
        if (changed.isEmpty() && !typeChanged) {
            return done();
        }
        ResourceProvider provider = provider(declaration.type());
        ResourceRequest request = request(declaration, properties);
        Provisioned made;
        boolean replacing = typeChanged || provider.replaces(changed);
        try {
            if (replacing) {
                resourceEvent(id, declaration.type(), existing.physicalId(), "UPDATE_IN_PROGRESS",
                        "Requested update requires the creation of a new physical resource; hence creating one.",
                        properties);
                made = provider.create(request);
            } else {
                resourceEvent(id, declaration.type(), existing.physicalId(), "UPDATE_IN_PROGRESS", null, properties);
                made = provider.update(request, existing.provisioned());
            }
        } catch (RuntimeException e) {
            return resourceFailed(id, declaration.type(), existing.physicalId(), "UPDATE_FAILED", reason(e),
                    "update");
        }
        if (replacing) {
            stack.resources.put(id, new StackResource(id, declaration.type(), made, properties, "UPDATE_IN_PROGRESS",
                    null, clock.now()));
            replaced.add(existing);
            undo.add(() -> quietly(removePhysical(stack.resources.get(id))).thenRun(() -> stack.resources.put(id,
                    existing)));
        } else {
            undo.add(() -> {
                provider.update(request(declaration, existing.properties()), stack.resources.get(id).provisioned());
                return stable(() -> provider.stabilized(existing.provisioned(), request(declaration,
                        existing.properties()))).thenRun(() -> {
                            stack.resources.put(id, existing);
                            resourceEvent(id, declaration.type(), existing.physicalId(), "UPDATE_COMPLETE", null, null);
                        });
            });
        }
        return settle(declaration, provider, made, request, "update", "Resource update cancelled");
    }

    private CompletableFuture<Void> rollBackUpdate(String reason, List<Supplier<CompletableFuture<Void>>> undo,
            Template previousTemplate, ParameterValues previousParameters) {
        stack.cancelRequested = false;
        stackStatus("UPDATE_ROLLBACK_IN_PROGRESS", reason);
        boolean[] clean = {true};
        return each(reversed(undo), step -> {
            CompletableFuture<Void> undone;
            try {
                undone = step.get();
            } catch (RuntimeException e) {
                undone = CompletableFuture.failedFuture(e);
            }
            return undone.exceptionally(failure -> {
                clean[0] = false;
                return null;
            });
        }).thenRun(() -> {
            stack.template = previousTemplate;
            stack.parameters = previousParameters;
            if (!clean[0]) {
                stackStatus("UPDATE_ROLLBACK_FAILED", "A resource could not be returned to its previous state.");
                return;
            }
            stackStatus("UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS", null);
            stackStatus("UPDATE_ROLLBACK_COMPLETE", null);
        });
    }

    /** Starts a delete; the returned stage completes when the stack has reached its final status. */
    CompletableFuture<Void> delete() {
        stack.cancelRequested = false;
        stackStatus("DELETE_IN_PROGRESS", "User Initiated");
        List<String> order = new ArrayList<>(reversed(Dependencies.creationOrder(stack.template)));
        stack.resources.keySet().stream().filter(id -> !order.contains(id)).forEach(order::add);
        return onClock(() -> each(order, id -> {
            StackResource resource = stack.resources.get(id);
            if (resource == null) {
                return done();
            }
            ResourceDeclaration declaration = stack.template.resources().get(id);
            if (declaration != null && declaration.retainedOnDelete()) {
                resourceEvent(id, resource.type(), resource.physicalId(), "DELETE_SKIPPED", null, null);
                stack.resources.remove(id);
                return done();
            }
            return deleteResource(id).exceptionallyCompose(failure -> {
                resourceEvent(id, resource.type(), resource.physicalId(), "DELETE_FAILED", reason(cause(failure)),
                        null);
                throw new StackFailure("The following resource(s) failed to delete: [" + id + "]. ");
            });
        }).thenRun(() -> {
            stack.outputs = List.of();
            stack.deleted = clock.now();
            stackStatus("DELETE_COMPLETE", null);
        }).exceptionally(failure -> {
            stackStatus("DELETE_FAILED", cause(failure) instanceof StackFailure stackFailure
                    ? stackFailure.getMessage() : reason(cause(failure)));
            return null;
        }));
    }

    /**
     * Makes one resource and waits until it is stable. {@code created} gets its logical id once the
     * resource exists, so that a rollback removes it even when it then fails to stabilize.
     */
    private CompletableFuture<Void> createResource(ResourceDeclaration declaration, Scope scope, List<String> created) {
        String id = declaration.logicalId();
        ResourceProvider provider = provider(declaration.type());
        resourceEvent(id, declaration.type(), "", "CREATE_IN_PROGRESS", null, null);
        ObjectNode properties;
        Provisioned made;
        try {
            properties = (ObjectNode) new Intrinsics(scope).resolve(declaration.properties());
            made = provider.create(request(declaration, properties));
        } catch (RuntimeException e) {
            return resourceFailed(id, declaration.type(), "", "CREATE_FAILED", reason(e), "create");
        }
        created.add(id);
        stack.resources.put(id, new StackResource(id, declaration.type(), made, properties, "CREATE_IN_PROGRESS",
                null, clock.now()));
        resourceEvent(id, declaration.type(), made.physicalId(), "CREATE_IN_PROGRESS", "Resource creation Initiated",
                properties);
        // AWS's event for a creation a DeleteStack cut short; its wording is not published.
        return settle(declaration, provider, made, request(declaration, properties), "create",
                "Resource creation cancelled");
    }

    /**
     * Waits until the resource the provider has made or changed ({@code verb} "create" or "update")
     * is stable, then writes its _COMPLETE event; a failure or a cancellation writes its _FAILED one.
     */
    private CompletableFuture<Void> settle(ResourceDeclaration declaration, ResourceProvider provider, Provisioned made,
            ResourceRequest request, String verb, String cancelledReason) {
        String id = declaration.logicalId();
        String type = declaration.type();
        String phase = verb.toUpperCase(Locale.ROOT);
        return stable(() -> provider.stabilized(made, request), true, () -> consistencyCheck(id, type,
                made.physicalId(), phase + "_IN_PROGRESS"))
                .thenRun(() -> put(declaration, made, request.properties(), phase + "_COMPLETE"))
                .exceptionallyCompose(failure -> cause(failure) instanceof Cancelled
                        ? resourceCancelled(id, type, made.physicalId(), phase + "_FAILED", cancelledReason)
                        : resourceFailed(id, type, made.physicalId(), phase + "_FAILED", reason(cause(failure)), verb));
    }

    /** The resource's failure event; the stage fails with the stack's reason ("failed to create: [id]"). */
    private CompletableFuture<Void> resourceFailed(String id, String type, String physicalId, String status,
            String reason, String verb) {
        resourceEvent(id, type, physicalId, status, reason, null);
        StackResource resource = stack.resources.get(id);
        if (resource != null && resource.provisioned() != null
                && resource.status().endsWith("_IN_PROGRESS")) {
            stack.resources.put(id, new StackResource(id, type, resource.provisioned(), resource.properties(), status,
                    reason, clock.now()));
        } else if (resource == null || resource.provisioned() == null) {
            stack.resources.remove(id);
        }
        return CompletableFuture.failedFuture(new StackFailure("The following resource(s) failed to " + verb + ": ["
                + id + "]. "));
    }

    private CompletableFuture<Void> resourceCancelled(String id, String type, String physicalId, String status,
            String reason) {
        resourceEvent(id, type, physicalId, status, reason, null);
        return CompletableFuture.failedFuture(new Cancelled());
    }

    private void put(ResourceDeclaration declaration, Provisioned made, ObjectNode properties, String status) {
        stack.resources.put(declaration.logicalId(), new StackResource(declaration.logicalId(), declaration.type(), made,
                properties, status, null, clock.now()));
        resourceEvent(declaration.logicalId(), declaration.type(), made.physicalId(), status, null, properties);
    }

    /** Deletes a resource for a rollback or clean-up: a failure is an event, not the end of the operation. */
    private CompletableFuture<Void> deleteQuietly(String id) {
        StackResource resource = stack.resources.get(id);
        return deleteResource(id).exceptionally(failure -> {
            stack.resources.remove(id);
            resourceEvent(id, resource.type(), resource.physicalId(), "DELETE_FAILED", reason(cause(failure)), null);
            return null;
        });
    }

    private CompletableFuture<Void> deleteResource(String id) {
        StackResource resource = stack.resources.get(id);
        resourceEvent(id, resource.type(), resource.physicalId(), "DELETE_IN_PROGRESS", null, null);
        return removePhysical(resource).thenRun(() -> {
            stack.resources.remove(id);
            resourceEvent(id, resource.type(), resource.physicalId(), "DELETE_COMPLETE", null, null);
        });
    }

    /** Deletes the physical resource and waits until the provider sees it gone. */
    private CompletableFuture<Void> removePhysical(StackResource resource) {
        if (resource == null || resource.provisioned() == null) {
            return done();
        }
        ResourceProvider provider = provider(resource.type());
        ResourceRequest request = new ResourceRequest(stack.name, stack.stackId, resource.logicalId(), resource.type(),
                resource.properties(), random);
        try {
            provider.delete(resource.provisioned(), request);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return stable(() -> provider.removed(resource.provisioned(), request), false, () -> { });
    }

    private static CompletableFuture<Void> quietly(CompletableFuture<Void> stage) {
        return stage.exceptionally(failure -> null);
    }

    /** Runs the work on the clock, so that the call which started the operation returns first, as AWS's does. */
    private CompletableFuture<Void> onClock(Supplier<CompletableFuture<Void>> work) {
        CompletableFuture<Void> started = new CompletableFuture<>();
        CompletableFuture<Void> done = started.thenCompose(ignored -> work.get()); // before the clock can start it
        later.after(Duration.ZERO, () -> started.complete(null));
        return done;
    }

    /** Each item's stage after the one before has completed; the first failure ends the sequence. */
    private <T> CompletableFuture<Void> each(List<T> items, Function<T, CompletableFuture<Void>> step) {
        CompletableFuture<Void> chain = done();
        for (T item : items) {
            chain = chain.thenCompose(ignored -> {
                if (stack.cancelRequested) {
                    throw new Cancelled();
                }
                return step.apply(item);
            });
        }
        return chain;
    }

    private CompletableFuture<Void> stable(Supplier<Stabilization> check) {
        return stable(check, true, () -> { });
    }

    /**
     * The event AWS writes when a resource is made and CloudFormation starts waiting for it (user
     * guide, "Understand CloudFormation stack creation events": detailed status
     * CONFIGURATION_COMPLETE). The guide does not publish the reason's wording; this is the one AWS's
     * events show. Written only for a resource the twin waits on, as AWS does not promise it.
     */
    private void consistencyCheck(String id, String type, String physicalId, String status) {
        event(id, type, physicalId, status, "Eventual consistency check initiated", null, "CONFIGURATION_COMPLETE");
    }

    /**
     * Looks at the resource until it is stable, on the clock; a cancellable wait ends early when the
     * stack's operation is cancelled (DeleteStack during creation, CancelUpdateStack).
     */
    private CompletableFuture<Void> stable(Supplier<Stabilization> check, boolean cancellable, Runnable firstWait) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        look(check, cancellable, done, firstWait);
        return done;
    }

    /** {@code firstWait} runs when the first look finds the resource not stable yet. */
    private void look(Supplier<Stabilization> check, boolean cancellable, CompletableFuture<Void> done,
            Runnable firstWait) {
        stack.wakeUp = null;
        if (cancellable && stack.cancelRequested) {
            done.completeExceptionally(new Cancelled());
            return;
        }
        Stabilization now;
        try {
            now = check.get();
        } catch (RuntimeException e) {
            done.completeExceptionally(e);
            return;
        }
        switch (now.outcome()) {
            case DONE -> done.complete(null);
            case FAILED -> done.completeExceptionally(new NotStabilized(now.reason()));
            case WAITING -> {
                firstWait.run();
                Clock.Timer timer = later.after(now.again(), () -> look(check, cancellable, done, () -> { }));
                if (cancellable) {
                    stack.wakeUp = () -> {
                        if (timer.cancel()) {
                            later.after(Duration.ZERO, () -> look(check, true, done, () -> { }));
                        }
                    };
                }
            }
        }
    }

    private List<String> included(List<String> order, Template template, Scope scope) {
        return order.stream().filter(id -> included(template.resources().get(id), scope)).toList();
    }

    private static CompletableFuture<Void> done() {
        return CompletableFuture.completedFuture(null);
    }

    private static RuntimeException cause(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause instanceof RuntimeException e ? e : new IllegalStateException(cause);
    }

    private List<Output> outputs(Scope scope) {
        List<Output> outputs = new ArrayList<>();
        Intrinsics intrinsics = new Intrinsics(scope);
        stack.template.outputs().fields().forEachRemaining(e -> {
            JsonNode declaration = e.getValue();
            if (declaration.has("Condition") && !Boolean.TRUE.equals(scope.conditions().get(declaration.get("Condition").asText()))) {
                return;
            }
            JsonNode value = intrinsics.resolve(declaration.path("Value"));
            String exportName = declaration.has("Export") ? intrinsics.resolve(declaration.get("Export").path("Name")).asText() : null;
            if (exportName != null) {
                exports.exporter(exportName).filter(owner -> !owner.equals(stack.stackId)).ifPresent(owner -> {
                    throw CloudFormationErrors.validation("Export with name " + exportName + " is already exported by stack "
                            + owner.split("/")[1]);
                });
            }
            outputs.add(Output.builder().outputKey(e.getKey()).outputValue(value.isArray() ? join(value) : value.asText())
                    .description(declaration.path("Description").isTextual() ? declaration.get("Description").asText() : null)
                    .exportName(exportName).build());
        });
        return List.copyOf(outputs);
    }

    private static String join(JsonNode list) {
        List<String> items = new ArrayList<>();
        list.forEach(item -> items.add(item.asText()));
        return String.join(",", items);
    }

    private boolean included(ResourceDeclaration declaration, Scope scope) {
        if (declaration.condition() == null) {
            return true;
        }
        Boolean value = scope.conditions().get(declaration.condition());
        if (value == null) {
            throw CloudFormationErrors.templateError("unresolved condition dependency " + declaration.condition()
                    + " in resource " + declaration.logicalId());
        }
        return value;
    }

    private ResourceProvider provider(String type) {
        return providers.forType(type).orElseThrow(() ->
                CloudFormationErrors.formatError("Unrecognized resource types: [" + type + "]"));
    }

    private ResourceRequest request(ResourceDeclaration declaration, ObjectNode properties) {
        return new ResourceRequest(stack.name, stack.stackId, declaration.logicalId(), declaration.type(), properties, random);
    }

    static Set<String> changedProperties(ObjectNode before, ObjectNode after) {
        Set<String> changed = new HashSet<>();
        before.fieldNames().forEachRemaining(name -> {
            if (!before.get(name).equals(after.get(name))) {
                changed.add(name);
            }
        });
        after.fieldNames().forEachRemaining(name -> {
            if (!after.get(name).equals(before.get(name))) {
                changed.add(name);
            }
        });
        return changed;
    }

    /** The reason an event gives for a failure: the service's own message and error code. */
    static String reason(RuntimeException e) {
        if (e instanceof NotStabilized notStabilized) {
            return notStabilized.getMessage();
        }
        if (e instanceof software.amazon.awssdk.services.cloudformation.model.CloudFormationException cfn
                && cfn.awsErrorDetails() != null) {
            return cfn.awsErrorDetails().errorMessage();
        }
        if (e instanceof AwsServiceException aws && aws.awsErrorDetails() != null) {
            return "Resource handler returned message: \"" + aws.awsErrorDetails().errorMessage() + "\" (Status Code: "
                    + aws.statusCode() + ", HandlerErrorCode: " + handlerErrorCode(aws.awsErrorDetails().errorCode()) + ")";
        }
        return "Internal Failure: " + e.getMessage();
    }

    /** A refusal by IAM is the handler contract's AccessDenied, whatever the service calls it; other codes as the service's. */
    private static String handlerErrorCode(String serviceCode) {
        return ACCESS_DENIED_CODES.contains(serviceCode) ? "AccessDenied" : serviceCode;
    }

    private void stackStatus(String status, String reason) {
        stack.status = status;
        stack.reason = reason;
        if (status.startsWith("UPDATE_IN")) {
            stack.lastUpdated = clock.now();
        }
        event(stack.name, "AWS::CloudFormation::Stack", stack.stackId, status, reason, null);
    }

    private void resourceEvent(String logicalId, String type, String physicalId, String status, String reason,
            ObjectNode properties) {
        event(logicalId, type, physicalId, status, reason, properties);
    }

    private void event(String logicalId, String type, String physicalId, String status, String reason, ObjectNode properties) {
        event(logicalId, type, physicalId, status, reason, properties, null);
    }

    private void event(String logicalId, String type, String physicalId, String status, String reason, ObjectNode properties,
            String detailedStatus) {
        stack.events.add(StackEvent.builder()
                .stackId(stack.stackId)
                .stackName(stack.name)
                .eventId(logicalId + "-" + status + "-" + Long.toHexString(random.nextLong()))
                .logicalResourceId(logicalId)
                .physicalResourceId(physicalId)
                .resourceType(type)
                .resourceStatus(status)
                .resourceStatusReason(reason)
                .detailedStatus(detailedStatus)
                .resourceProperties(properties == null ? null : properties.toString())
                .timestamp(clock.now())
                .build());
    }

    /** Runs an action after a delay on the twin's clock, as the twin's other work runs (see CloudFormationTwin). */
    interface Later {
        Clock.Timer after(Duration delay, Runnable action);
    }

    /** A stack operation that ends with the reason its stack event gives. */
    private static final class StackFailure extends RuntimeException {
        StackFailure(String reason) {
            super(reason, null, false, false);
        }
    }

    /** A resource that failed to stabilize, with the reason its provider reports. */
    private static final class NotStabilized extends RuntimeException {
        NotStabilized(String reason) {
            super(reason, null, false, false);
        }
    }

    /** The operation was cancelled: DeleteStack during creation, or CancelUpdateStack. */
    private static final class Cancelled extends RuntimeException {
        Cancelled() {
            super("cancelled", null, false, false);
        }
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }
}
