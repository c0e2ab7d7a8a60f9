package dev.greenlight.local.aws.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.greenlight.local.aws.LocalAccount;
import dev.greenlight.local.clock.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.cloudformation.model.StackEvent;

/**
 * Runs one stack operation to its end: create (rolled back when a resource fails, unless
 * rollback is disabled), update (resources added, changed in place or replaced, then the old ones
 * cleaned up; undone in reverse when one fails) and delete (in reverse dependency order). Each
 * step is an event stamped with the twin's clock. Operations complete within the call: the stack
 * is never seen half-way, which a caller polling DescribeStacks cannot tell from a fast AWS.
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

    StackRun(Stack stack, ResourceProviders providers, Clock clock, Scope.Exports exports, List<String> zones,
            RandomGenerator random) {
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

    void create() {
        stackStatus("CREATE_IN_PROGRESS", "User Initiated");
        Scope scope = scope(stack.template, stack.parameters);
        List<String> created = new ArrayList<>();
        for (String id : Dependencies.creationOrder(stack.template)) {
            ResourceDeclaration declaration = stack.template.resources().get(id);
            if (!included(declaration, scope)) {
                continue;
            }
            try {
                create(declaration, scope, "CREATE");
                created.add(id);
            } catch (RuntimeException e) {
                resourceEvent(id, declaration.type(), physicalIdOf(id), "CREATE_FAILED", reason(e), null);
                stack.resources.remove(id);
                failCreate("The following resource(s) failed to create: [" + id + "]. ", created);
                return;
            }
        }
        try {
            stack.outputs = outputs(scope);
        } catch (RuntimeException e) {
            failCreate(reason(e).replaceFirst("\\.?$", ". "), created);
            return;
        }
        stackStatus("CREATE_COMPLETE", null);
    }

    private void failCreate(String reason, List<String> created) {
        if (stack.disableRollback) {
            stackStatus("CREATE_FAILED", reason);
            return;
        }
        stackStatus("ROLLBACK_IN_PROGRESS", reason + "Rollback requested by user.");
        for (String id : reversed(created)) {
            deleteQuietly(id);
        }
        stackStatus("ROLLBACK_COMPLETE", null);
    }

    void update(Template template, ParameterValues parameters) {
        Template previousTemplate = stack.template;
        ParameterValues previousParameters = stack.parameters;
        List<String> previousOrder = Dependencies.creationOrder(previousTemplate);
        stack.template = template;
        stack.parameters = parameters;
        stackStatus("UPDATE_IN_PROGRESS", "User Initiated");
        Scope scope = scope(template, parameters);
        List<Runnable> undo = new ArrayList<>();
        List<StackResource> replaced = new ArrayList<>();
        Set<String> kept = new HashSet<>();
        for (String id : Dependencies.creationOrder(template)) {
            ResourceDeclaration declaration = template.resources().get(id);
            if (!included(declaration, scope)) {
                continue;
            }
            kept.add(id);
            StackResource existing = stack.resources.get(id);
            try {
                if (existing == null) {
                    create(declaration, scope, "CREATE");
                    undo.add(() -> deleteQuietly(id));
                } else {
                    update(declaration, existing, scope, undo, replaced);
                }
            } catch (RuntimeException e) {
                resourceEvent(id, declaration.type(), physicalIdOf(id), existing == null ? "CREATE_FAILED" : "UPDATE_FAILED",
                        reason(e), null);
                if (existing == null) {
                    stack.resources.remove(id);
                } else {
                    stack.resources.put(id, existing);
                }
                rollBackUpdate("The following resource(s) failed to " + (existing == null ? "create" : "update")
                        + ": [" + id + "]. ", undo, previousTemplate, previousParameters);
                return;
            }
        }
        try {
            stack.outputs = outputs(scope);
        } catch (RuntimeException e) {
            rollBackUpdate(reason(e), undo, previousTemplate, previousParameters);
            return;
        }
        stackStatus("UPDATE_COMPLETE_CLEANUP_IN_PROGRESS", null);
        for (StackResource old : replaced) {
            deletePhysical(old);
        }
        for (String id : reversed(previousOrder)) {
            if (!kept.contains(id) && stack.resources.containsKey(id)) {
                deleteQuietly(id);
            }
        }
        stackStatus("UPDATE_COMPLETE", null);
    }

    private void update(ResourceDeclaration declaration, StackResource existing, Scope scope, List<Runnable> undo,
            List<StackResource> replaced) {
        String id = declaration.logicalId();
        ObjectNode properties = (ObjectNode) new Intrinsics(scope).resolve(declaration.properties());
        Set<String> changed = changedProperties(existing.properties(), properties);
        boolean typeChanged = !existing.type().equals(declaration.type());
        if (changed.isEmpty() && !typeChanged) {
            return;
        }
        ResourceProvider provider = provider(declaration.type());
        ResourceRequest request = request(declaration, properties);
        if (typeChanged || provider.replaces(changed)) {
            resourceEvent(id, declaration.type(), existing.physicalId(), "UPDATE_IN_PROGRESS",
                    "Requested update requires the creation of a new physical resource; hence creating one.", properties);
            Provisioned made = provider.create(request);
            put(declaration, made, properties, "UPDATE_COMPLETE");
            replaced.add(existing);
            undo.add(() -> {
                deletePhysical(stack.resources.get(id));
                stack.resources.put(id, existing);
            });
            return;
        }
        resourceEvent(id, declaration.type(), existing.physicalId(), "UPDATE_IN_PROGRESS", null, properties);
        Provisioned updated = provider.update(request, existing.provisioned());
        put(declaration, updated, properties, "UPDATE_COMPLETE");
        undo.add(() -> {
            provider.update(request(declaration, existing.properties()), stack.resources.get(id).provisioned());
            stack.resources.put(id, existing);
            resourceEvent(id, declaration.type(), existing.physicalId(), "UPDATE_COMPLETE", null, null);
        });
    }

    private void rollBackUpdate(String reason, List<Runnable> undo, Template previousTemplate,
            ParameterValues previousParameters) {
        stackStatus("UPDATE_ROLLBACK_IN_PROGRESS", reason);
        boolean clean = true;
        for (Runnable step : reversed(undo)) {
            try {
                step.run();
            } catch (RuntimeException e) {
                clean = false;
            }
        }
        stack.template = previousTemplate;
        stack.parameters = previousParameters;
        if (!clean) {
            stackStatus("UPDATE_ROLLBACK_FAILED", "A resource could not be returned to its previous state.");
            return;
        }
        stackStatus("UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS", null);
        stackStatus("UPDATE_ROLLBACK_COMPLETE", null);
    }

    void delete() {
        stackStatus("DELETE_IN_PROGRESS", "User Initiated");
        List<String> order = new ArrayList<>(reversed(Dependencies.creationOrder(stack.template)));
        stack.resources.keySet().stream().filter(id -> !order.contains(id)).forEach(order::add);
        for (String id : order) {
            StackResource resource = stack.resources.get(id);
            if (resource == null) {
                continue;
            }
            ResourceDeclaration declaration = stack.template.resources().get(id);
            if (declaration != null && declaration.retainedOnDelete()) {
                resourceEvent(id, resource.type(), resource.physicalId(), "DELETE_SKIPPED", null, null);
                stack.resources.remove(id);
                continue;
            }
            try {
                deleteResource(id);
            } catch (RuntimeException e) {
                resourceEvent(id, resource.type(), resource.physicalId(), "DELETE_FAILED", reason(e), null);
                stackStatus("DELETE_FAILED", "The following resource(s) failed to delete: [" + id + "]. ");
                return;
            }
        }
        stack.outputs = List.of();
        stack.deleted = clock.now();
        stackStatus("DELETE_COMPLETE", null);
    }

    private void create(ResourceDeclaration declaration, Scope scope, String operation) {
        ResourceProvider provider = provider(declaration.type());
        resourceEvent(declaration.logicalId(), declaration.type(), "", operation + "_IN_PROGRESS", null, null);
        ObjectNode properties = (ObjectNode) new Intrinsics(scope).resolve(declaration.properties());
        Provisioned made = provider.create(request(declaration, properties));
        resourceEvent(declaration.logicalId(), declaration.type(), made.physicalId(), operation + "_IN_PROGRESS",
                "Resource creation Initiated", properties);
        put(declaration, made, properties, operation + "_COMPLETE");
    }

    private void put(ResourceDeclaration declaration, Provisioned made, ObjectNode properties, String status) {
        stack.resources.put(declaration.logicalId(), new StackResource(declaration.logicalId(), declaration.type(), made,
                properties, status, null, clock.now()));
        resourceEvent(declaration.logicalId(), declaration.type(), made.physicalId(), status, null, properties);
    }

    private void deleteQuietly(String id) {
        try {
            deleteResource(id);
        } catch (RuntimeException e) {
            StackResource resource = stack.resources.remove(id);
            resourceEvent(id, resource.type(), resource.physicalId(), "DELETE_FAILED", reason(e), null);
        }
    }

    private void deleteResource(String id) {
        StackResource resource = stack.resources.get(id);
        resourceEvent(id, resource.type(), resource.physicalId(), "DELETE_IN_PROGRESS", null, null);
        deletePhysical(resource);
        stack.resources.remove(id);
        resourceEvent(id, resource.type(), resource.physicalId(), "DELETE_COMPLETE", null, null);
    }

    private void deletePhysical(StackResource resource) {
        if (resource.provisioned() != null) {
            provider(resource.type()).delete(resource.provisioned(), new ResourceRequest(stack.name, stack.stackId,
                    resource.logicalId(), resource.type(), resource.properties(), random));
        }
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

    /** The type's provider, calling its service as the operation's identity (the stack's role, else the caller). */
    private ResourceProvider provider(String type) {
        return ActingProvider.as(stack.actingAs, providers.forType(type).orElseThrow(() ->
                CloudFormationErrors.formatError("Unrecognized resource types: [" + type + "]")));
    }

    private ResourceRequest request(ResourceDeclaration declaration, ObjectNode properties) {
        return new ResourceRequest(stack.name, stack.stackId, declaration.logicalId(), declaration.type(), properties, random);
    }

    private String physicalIdOf(String id) {
        StackResource resource = stack.resources.get(id);
        return resource == null || resource.physicalId() == null ? "" : resource.physicalId();
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
        stack.events.add(StackEvent.builder()
                .stackId(stack.stackId)
                .stackName(stack.name)
                .eventId(logicalId + "-" + status + "-" + Long.toHexString(random.nextLong()))
                .logicalResourceId(logicalId)
                .physicalResourceId(physicalId)
                .resourceType(type)
                .resourceStatus(status)
                .resourceStatusReason(reason)
                .resourceProperties(properties == null ? null : properties.toString())
                .timestamp(clock.now())
                .build());
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }
}
