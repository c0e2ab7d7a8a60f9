package dev.greenlight.local.aws.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.cloudformation.model.Change;
import software.amazon.awssdk.services.cloudformation.model.ResourceChange;

/**
 * The changes a change set shows: resources to add, to modify (with Replacement True when a
 * changed property is one the type replaces on) and to remove. A value that depends on a
 * resource not made yet counts as changed, as AWS shows it as a change it cannot know yet.
 */
final class ChangePlanner {

    private ChangePlanner() {
    }

    static List<Change> plan(Stack stack, Template template, Scope scope, ResourceProviders providers) {
        Scope planning = new Scope(scope.parameters(), scope.pseudoParameters(), scope.mappings(), scope.conditions(),
                unknownForMissing(scope.resources()), scope.exports(), scope.availabilityZones());
        List<Change> changes = new ArrayList<>();
        Set<String> kept = new HashSet<>();
        for (String id : Dependencies.creationOrder(template)) {
            ResourceDeclaration declaration = template.resources().get(id);
            if (declaration.condition() != null && !Boolean.TRUE.equals(scope.conditions().get(declaration.condition()))) {
                continue;
            }
            kept.add(id);
            StackResource existing = stack.resources.get(id);
            if (existing == null) {
                changes.add(change("Add", id, null, declaration.type(), null));
                continue;
            }
            ObjectNode properties = (ObjectNode) new Intrinsics(planning).resolve(declaration.properties());
            Set<String> changed = StackRun.changedProperties(existing.properties(), properties);
            if (!changed.isEmpty() || !existing.type().equals(declaration.type())) {
                boolean replaces = !existing.type().equals(declaration.type())
                        || providers.forType(declaration.type()).map(p -> p.replaces(changed)).orElse(true);
                changes.add(change("Modify", id, existing.physicalId(), declaration.type(), replaces ? "True" : "False"));
            }
        }
        stack.resources.values().stream().filter(r -> !kept.contains(r.logicalId()))
                .forEach(r -> changes.add(change("Remove", r.logicalId(), r.physicalId(), r.type(), null)));
        return List.copyOf(changes);
    }

    private static Change change(String action, String logicalId, String physicalId, String type, String replacement) {
        return Change.builder().type("Resource").resourceChange(ResourceChange.builder()
                .action(action).logicalResourceId(logicalId).physicalResourceId(physicalId).resourceType(type)
                .replacement(replacement).build()).build();
    }

    private static Scope.Resources unknownForMissing(Scope.Resources resources) {
        return new Scope.Resources() {
            @Override
            public Optional<JsonNode> ref(String logicalId) {
                return Optional.of(resources.ref(logicalId).orElse(unknown(logicalId)));
            }

            @Override
            public Optional<JsonNode> attribute(String logicalId, String attribute) {
                return Optional.of(resources.attribute(logicalId, attribute).orElse(unknown(logicalId + "." + attribute)));
            }

            @Override
            public boolean declared(String logicalId) {
                return resources.declared(logicalId);
            }
        };
    }

    private static JsonNode unknown(String what) {
        return JsonNodeFactory.instance.textNode("{{changeSet:KNOWN_AFTER_APPLY " + what + "}}");
    }
}
