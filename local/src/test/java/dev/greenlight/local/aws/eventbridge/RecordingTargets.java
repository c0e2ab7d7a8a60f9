package dev.greenlight.local.aws.eventbridge;

import java.util.ArrayList;
import java.util.List;

/** A fake target service: remembers what each target ARN received. */
final class RecordingTargets implements EventTargets {

    record Delivery(String targetArn, String input) {
    }

    final List<Delivery> deliveries = new ArrayList<>();

    @Override
    public void deliver(String ruleArn, String targetArn, String roleArn, String input) {
        deliveries.add(new Delivery(targetArn, input));
    }

    List<String> inputsTo(String targetArn) {
        return deliveries.stream().filter(d -> d.targetArn().equals(targetArn)).map(Delivery::input).toList();
    }
}
