package dev.greenlight.cli.rehearsal;

import dev.greenlight.local.twin.LocalTwin;
import java.util.List;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.cloudformation.model.StackResource;

/**
 * A deployed stack read as a user reads it: its resources from CloudFormation's
 * DescribeStackResources, its outputs from DescribeStacks.
 */
public record StackResources(LocalTwin twin, String stack, List<StackResource> resources) {

    public static StackResources of(LocalTwin twin, String stack) {
        return new StackResources(twin, stack, twin.cloudFormation().describeStackResources(r -> r.stackName(stack))
                .stackResources());
    }

    /** The physical ids of the stack's resources of {@code type} (an alarm's name, a listener's ARN), in order. */
    public List<String> physicalIds(String type) {
        return resources.stream().filter(resource -> resource.resourceType().equals(type))
                .map(StackResource::physicalResourceId).toList();
    }

    /** The one resource of {@code type}. */
    public String physicalId(String type) {
        List<String> ids = physicalIds(type);
        if (ids.size() != 1) {
            throw new IllegalStateException(stack + " has " + ids.size() + " resources of type " + type + ", not one");
        }
        return ids.get(0);
    }

    /** The stack's listener on {@code port}. */
    public String listener(int port) {
        return twin.elb().describeListeners(r -> r.listenerArns(physicalIds("AWS::ElasticLoadBalancingV2::Listener")))
                .listeners().stream().filter(listener -> listener.port() == port).findFirst()
                .orElseThrow(() -> new IllegalStateException(stack + " has no listener on port " + port))
                .listenerArn();
    }

    public String output(String key) {
        return twin.cloudFormation().describeStacks(r -> r.stackName(stack)).stacks().get(0).outputs().stream()
                .filter(output -> output.outputKey().equals(key)).map(Output::outputValue).findFirst()
                .orElseThrow(() -> new IllegalStateException(stack + " has no output " + key));
    }
}
