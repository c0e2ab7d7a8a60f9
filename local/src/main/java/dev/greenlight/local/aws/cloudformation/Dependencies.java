package dev.greenlight.local.aws.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which resources a resource needs first: those named in its DependsOn, and those its
 * properties reach by Ref, Fn::GetAtt or a {@code ${Name}} in Fn::Sub. CloudFormation creates in
 * that order and deletes in the reverse.
 */
final class Dependencies {

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^!}][^}]*)}");

    private Dependencies() {
    }

    /** Refuses references to resources the template does not declare, and cycles. */
    static void check(Template template) {
        Set<String> unresolved = new TreeSet<>();
        Set<String> known = new LinkedHashSet<>(template.resources().keySet());
        template.parameters().fieldNames().forEachRemaining(known::add);
        for (ResourceDeclaration resource : template.resources().values()) {
            for (String name : references(resource)) {
                if (!known.contains(name) && !name.startsWith("AWS::")) {
                    unresolved.add(name);
                }
            }
        }
        if (!unresolved.isEmpty()) {
            throw CloudFormationErrors.formatError("Unresolved resource dependencies " + unresolved
                    + " in the Resources block of the template");
        }
        creationOrder(template);
    }

    /** The resources {@code resource} depends on, among those the template declares. */
    static Set<String> of(ResourceDeclaration resource, Template template) {
        Set<String> needed = new LinkedHashSet<>();
        for (String name : references(resource)) {
            if (template.resources().containsKey(name) && !name.equals(resource.logicalId())) {
                needed.add(name);
            }
        }
        return needed;
    }

    /** Every declared resource, each after those it depends on; ties keep the template's order. */
    static List<String> creationOrder(Template template) {
        Map<String, Set<String>> needs = new LinkedHashMap<>();
        template.resources().values().forEach(r -> needs.put(r.logicalId(), of(r, template)));
        List<String> order = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        while (order.size() < needs.size()) {
            String next = needs.entrySet().stream()
                    .filter(e -> !done.contains(e.getKey()) && done.containsAll(e.getValue()))
                    .map(Map.Entry::getKey).findFirst().orElse(null);
            if (next == null) {
                Set<String> cycle = new TreeSet<>(needs.keySet());
                cycle.removeAll(done);
                throw CloudFormationErrors.formatError("Circular dependency between resources: " + cycle);
            }
            done.add(next);
            order.add(next);
        }
        return order;
    }

    private static Set<String> references(ResourceDeclaration resource) {
        Set<String> names = new LinkedHashSet<>(resource.dependsOn());
        collect(resource.properties(), names);
        return names;
    }

    static void collect(JsonNode node, Set<String> names) {
        if (node.isObject()) {
            if (node.size() == 1 && node.has("Ref") && node.get("Ref").isTextual()) {
                names.add(node.get("Ref").asText());
                return;
            }
            if (node.size() == 1 && node.has("Fn::GetAtt")) {
                JsonNode getAtt = node.get("Fn::GetAtt");
                String target = getAtt.isArray() ? getAtt.path(0).asText() : getAtt.asText().split("\\.", 2)[0];
                names.add(target);
            }
            if (node.size() == 1 && node.has("Fn::Sub")) {
                JsonNode sub = node.get("Fn::Sub");
                String text = sub.isArray() ? sub.path(0).asText() : sub.asText();
                Set<String> local = new LinkedHashSet<>();
                if (sub.isArray() && sub.path(1).isObject()) {
                    sub.get(1).fieldNames().forEachRemaining(local::add);
                    collect(sub.get(1), names);
                }
                Matcher matcher = SUB_VARIABLE.matcher(text);
                while (matcher.find()) {
                    String name = matcher.group(1).split("\\.", 2)[0].trim();
                    if (!local.contains(name)) {
                        names.add(name);
                    }
                }
                return;
            }
            node.forEach(child -> collect(child, names));
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, names));
        }
    }
}
