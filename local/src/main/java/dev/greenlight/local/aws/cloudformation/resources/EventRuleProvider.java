package dev.greenlight.local.aws.cloudformation.resources;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.local.aws.cloudformation.Provisioned;
import dev.greenlight.local.aws.cloudformation.ResourceProvider;
import dev.greenlight.local.aws.cloudformation.ResourceRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutTargetsResponse;
import software.amazon.awssdk.services.eventbridge.model.Target;

/**
 * AWS::Events::Rule through EventBridge's PutRule and PutTargets (a target EventBridge refuses
 * fails the resource with EventBridge's reason). Ref is the rule name; Fn::GetAtt gives Arn.
 * Name and EventBusName replace it.
 */
final class EventRuleProvider implements ResourceProvider {

    private final EventBridgeClient events;

    EventRuleProvider(EventBridgeClient events) {
        this.events = events;
    }

    @Override
    public Provisioned create(ResourceRequest request) {
        String name = request.nameOr("Name", 64, false);
        return put(request, name);
    }

    @Override
    public Provisioned update(ResourceRequest request, Provisioned current) {
        List<String> ids = events.listTargetsByRule(r -> r.rule(current.physicalId())).targets().stream()
                .map(Target::id).toList();
        if (!ids.isEmpty()) {
            events.removeTargets(r -> r.rule(current.physicalId()).ids(ids));
        }
        return put(request, current.physicalId());
    }

    @Override
    public void delete(Provisioned current, ResourceRequest request) {
        List<String> ids = events.listTargetsByRule(r -> r.rule(current.physicalId())).targets().stream()
                .map(Target::id).toList();
        if (!ids.isEmpty()) {
            events.removeTargets(r -> r.rule(current.physicalId()).ids(ids));
        }
        events.deleteRule(r -> r.name(current.physicalId()));
    }

    @Override
    public Set<String> replacedOn() {
        return Set.of("Name", "EventBusName");
    }

    private Provisioned put(ResourceRequest request, String name) {
        String arn = events.putRule(r -> r.name(name)
                .eventPattern(request.text("EventPattern").orElse(null))
                .scheduleExpression(request.text("ScheduleExpression").orElse(null))
                .state(request.text("State").orElse("ENABLED"))
                .description(request.text("Description").orElse(null))).ruleArn();
        List<Target> targets = new ArrayList<>();
        for (JsonNode target : request.property("Targets")) {
            targets.add(ApiShapes.fill(target, Target.builder()).build());
        }
        if (!targets.isEmpty()) {
            PutTargetsResponse response = events.putTargets(r -> r.rule(name).targets(targets));
            if (response.failedEntryCount() != null && response.failedEntryCount() > 0) {
                throw dev.greenlight.local.aws.AwsErrors.of(
                        software.amazon.awssdk.services.eventbridge.model.EventBridgeException.builder(),
                        response.failedEntries().get(0).errorCode(), response.failedEntries().get(0).errorMessage(), 400);
            }
        }
        return Provisioned.of(name, "Arn", arn);
    }
}
