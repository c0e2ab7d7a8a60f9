package dev.greenlight.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.cxapi.SynthesisMessage;

class NagTest {

    @Test
    void awsSolutionsChecksFindNoUnsuppressedErrors() {
        Synthesis.Synthesized app = Synthesis.of(Synthesis.TWO_SERVICES);
        StringBuilder found = new StringBuilder();
        for (Stack stack : List.of(app.stacks().pipeline(), app.stacks().demo())) {
            List<SynthesisMessage> errors = Annotations.fromStack(stack)
                    .findError("*", Match.stringLikeRegexp("AwsSolutions-.*"));
            errors.forEach(m -> found.append(m.getId()).append(' ')
                    .append(String.valueOf(m.getEntry().getData()).replaceAll(":.*", "")).append('\n'));
        }
        assertThat(found.toString()).isEmpty();
    }

    /** Every suppression in the templates: stack, rule, resource type and the findings it covers. */
    @Test
    void theSuppressionsAreExactlyTheseAndEachGivesItsReason() {
        Synthesis.Synthesized app = Synthesis.of(Synthesis.TWO_SERVICES);
        Set<String> found = new TreeSet<>();
        for (var entry : Map.of("Greenlight", app.pipeline(), "GreenlightDemo", app.demo()).entrySet()) {
            Templates.json(entry.getValue()).path("Resources").fields().forEachRemaining(resource -> {
                for (JsonNode rule : resource.getValue().path("Metadata").path("cdk_nag").path("rules_to_suppress")) {
                    assertThat(rule.path("reason").asText()).as(resource.getKey() + " " + rule.path("id"))
                            .hasSizeGreaterThan(80);
                    found.add(entry.getKey() + " " + rule.path("id").asText() + " "
                            + resource.getValue().path("Type").asText()
                            + (rule.has("applies_to") ? " " + appliesTo(rule.path("applies_to").get(0)) : ""));
                }
            });
        }
        assertThat(found).containsExactlyInAnyOrder(
                "Greenlight AwsSolutions-L1 AWS::Lambda::Function",
                "Greenlight AwsSolutions-IAM5 AWS::IAM::Role Resource::*",
                "Greenlight AwsSolutions-IAM5 AWS::IAM::Policy Resource::*",
                "Greenlight AwsSolutions-IAM5 AWS::IAM::Role regex /^Resource::.*:execution:.*\\*$/g",
                "Greenlight AwsSolutions-IAM5 AWS::IAM::Policy regex /^Resource::.*:execution:.*\\*$/g",
                "Greenlight AwsSolutions-IAM5 AWS::IAM::Role regex /^Resource::.*:task-definition\\/\\*$/g",
                "Greenlight AwsSolutions-IAM5 AWS::IAM::Policy regex /^Resource::.*:task-definition\\/\\*$/g",
                "GreenlightDemo AwsSolutions-ECS4 AWS::ECS::Cluster",
                "GreenlightDemo AwsSolutions-ELB2 AWS::ElasticLoadBalancingV2::LoadBalancer",
                "GreenlightDemo AwsSolutions-ELB2 AWS::EC2::SecurityGroup",
                "GreenlightDemo AwsSolutions-EC23 AWS::ElasticLoadBalancingV2::LoadBalancer",
                "GreenlightDemo AwsSolutions-EC23 AWS::EC2::SecurityGroup",
                "GreenlightDemo AwsSolutions-IAM5 AWS::IAM::Role Resource::*",
                "GreenlightDemo AwsSolutions-IAM5 AWS::IAM::Policy Resource::*",
                "GreenlightDemo AwsSolutions-IAM4 AWS::IAM::Role "
                        + "Policy::arn:<AWS::Partition>:iam::aws:policy/AWSCodeDeployRoleForECS");
        // Wildcards are suppressed only on the roles of the state machine, VerifyImage, RegisterTaskDefinition,
        // Preflight (DescribeListeners), WatchDeployment (GetMetricData, DescribeTargetGroups, DescribeTaskDefinition,
        // deployment targets), Promote, Rollback and StopOnAlarm (CodeDeploy's operations on a deployment by its ID)
        // (Resource::*), the trigger (its state machine's executions) and the smoke hook (task definitions' tags,
        // its lifecycle hook's status).
        long wildcardRoles = Templates.resources(app.pipeline(), "AWS::IAM::Role").stream()
                .filter(r -> r.getValue().path("Metadata").path("cdk_nag").toString().contains("IAM5")).count();
        assertThat(wildcardRoles).isEqualTo(10);
    }

    private static String appliesTo(JsonNode finding) {
        return finding.isObject() ? "regex " + finding.path("regex").asText() : finding.asText();
    }
}
