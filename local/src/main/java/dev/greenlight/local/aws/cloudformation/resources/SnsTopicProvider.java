package dev.greenlight.local.aws.cloudformation.resources;

import dev.greenlight.local.aws.cloudformation.Provisioned;
import dev.greenlight.local.aws.cloudformation.ResourceProvider;
import dev.greenlight.local.aws.cloudformation.ResourceRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.sns.SnsClient;

/** AWS::SNS::Topic through SNS, with DisplayName and KmsMasterKeyId. Ref is the ARN; TopicName replaces it. */
final class SnsTopicProvider implements ResourceProvider {

    private final SnsClient sns;

    SnsTopicProvider(SnsClient sns) {
        this.sns = sns;
    }

    @Override
    public Provisioned create(ResourceRequest request) {
        String name = request.nameOr("TopicName", 256, false);
        Map<String, String> attributes = new LinkedHashMap<>();
        request.text("DisplayName").ifPresent(v -> attributes.put("DisplayName", v));
        request.text("KmsMasterKeyId").ifPresent(v -> attributes.put("KmsMasterKeyId", v));
        String arn = sns.createTopic(r -> r.name(name).attributes(attributes)).topicArn();
        return Provisioned.of(arn, "TopicArn", arn, "TopicName", name);
    }

    @Override
    public Provisioned update(ResourceRequest request, Provisioned current) {
        sns.setTopicAttributes(r -> r.topicArn(current.physicalId()).attributeName("DisplayName")
                .attributeValue(request.text("DisplayName").orElse("")));
        return current;
    }

    @Override
    public void delete(Provisioned current, ResourceRequest request) {
        sns.deleteTopic(r -> r.topicArn(current.physicalId()));
    }

    @Override
    public Set<String> replacedOn() {
        return Set.of("TopicName", "FifoTopic");
    }
}
