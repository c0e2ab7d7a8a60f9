package dev.greenlight.local.aws.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The template's Rules section: when a rule's RuleCondition holds (or it has none), each of its
 * Assertions must hold, else the operation is refused with the assertion's AssertDescription (CDK's
 * CheckBootstrapVersion rule is one). Rule functions: Fn::Equals, Fn::And, Fn::Or, Fn::Not,
 * Fn::Contains; the others (Fn::EachMemberEquals, Fn::RefAll, ...) are refused as unsupported.
 */
final class TemplateRules {

    private TemplateRules() {
    }

    static void check(Template template, Scope scope) {
        Intrinsics intrinsics = new Intrinsics(scope);
        template.rules().fields().forEachRemaining(rule -> {
            JsonNode body = rule.getValue();
            if (body.has("RuleCondition") && !intrinsics.condition(body.get("RuleCondition"))) {
                return;
            }
            for (JsonNode assertion : body.path("Assertions")) {
                if (!intrinsics.condition(assertion.path("Assert"))) {
                    throw CloudFormationErrors.validation(assertion.path("AssertDescription")
                            .asText("Template validation error: rule " + rule.getKey() + " failed"));
                }
            }
        });
    }
}
