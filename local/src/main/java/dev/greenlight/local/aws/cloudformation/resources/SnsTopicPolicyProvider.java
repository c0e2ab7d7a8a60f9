package dev.greenlight.local.aws.cloudformation.resources;

import dev.greenlight.local.aws.cloudformation.Provisioned;
import dev.greenlight.local.aws.cloudformation.ResourceProvider;
import dev.greenlight.local.aws.cloudformation.ResourceRequest;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * AWS::SNS::TopicPolicy through SNS's SetTopicAttributes (Policy) on each of its Topics. Deleting
 * it leaves the topics' policy as it is (the SNS twin answers its default policy only when none was set).
 */
final class SnsTopicPolicyProvider implements ResourceProvider {

    private final SnsClient sns;

    SnsTopicPolicyProvider(SnsClient sns) {
        this.sns = sns;
    }

    @Override
    public Provisioned create(ResourceRequest request) {
        put(request);
        return Provisioned.of(request.generatedName(128, false));
    }

    @Override
    public Provisioned update(ResourceRequest request, Provisioned current) {
        put(request);
        return current;
    }

    @Override
    public void delete(Provisioned current, ResourceRequest request) {
    }

    private void put(ResourceRequest request) {
        String policy = Documents.json(request.property("PolicyDocument"));
        for (String topic : Documents.strings(request.property("Topics"))) {
            sns.setTopicAttributes(r -> r.topicArn(topic).attributeName("Policy").attributeValue(policy));
        }
    }
}
