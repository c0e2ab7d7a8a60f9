package dev.greenlight.local.aws.sns;

import dev.greenlight.local.aws.LocalAccount;
import dev.greenlight.local.clock.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.CreateTopicRequest;
import software.amazon.awssdk.services.sns.model.CreateTopicResponse;
import software.amazon.awssdk.services.sns.model.DeleteTopicRequest;
import software.amazon.awssdk.services.sns.model.DeleteTopicResponse;
import software.amazon.awssdk.services.sns.model.GetTopicAttributesRequest;
import software.amazon.awssdk.services.sns.model.GetTopicAttributesResponse;
import software.amazon.awssdk.services.sns.model.ListSubscriptionsByTopicRequest;
import software.amazon.awssdk.services.sns.model.ListSubscriptionsByTopicResponse;
import software.amazon.awssdk.services.sns.model.ListTopicsRequest;
import software.amazon.awssdk.services.sns.model.ListTopicsResponse;
import software.amazon.awssdk.services.sns.model.PublishRequest;
import software.amazon.awssdk.services.sns.model.PublishResponse;
import software.amazon.awssdk.services.sns.model.SetTopicAttributesRequest;
import software.amazon.awssdk.services.sns.model.SetTopicAttributesResponse;
import software.amazon.awssdk.services.sns.model.SubscribeRequest;
import software.amazon.awssdk.services.sns.model.SubscribeResponse;

/**
 * SNS standard topics: created idempotently by name, their attributes, subscriptions recorded
 * (not delivered to), and every published message kept for {@link #published(String)}.
 */
public final class SnsTwin implements SnsClient {

    private static final Pattern TOPIC_NAME = Pattern.compile("[A-Za-z0-9_-]{1,256}");
    /** Attributes a caller may set; the others GetTopicAttributes shows are SNS's own. */
    private static final Set<String> SETTABLE = Set.of("DisplayName", "Policy", "DeliveryPolicy",
            "KmsMasterKeyId", "TracingConfig", "SignatureVersion", "DataProtectionPolicy");
    private static final Map<String, Pattern> ENDPOINTS = Map.of(
            "lambda", Pattern.compile("arn:aws:lambda:[a-z0-9-]+:\\d{12}:function:.+"),
            "sqs", Pattern.compile("arn:aws:sqs:[a-z0-9-]+:\\d{12}:.+"),
            "email", Pattern.compile("[^@\\s]+@[^@\\s]+"),
            "email-json", Pattern.compile("[^@\\s]+@[^@\\s]+"),
            "https", Pattern.compile("https://\\S+"),
            "http", Pattern.compile("http://\\S+"));
    private static final Set<String> NEED_CONFIRMATION = Set.of("email", "email-json", "http", "https");
    private static final int PAGE = 100;

    private final Clock clock;
    private final Map<String, Topic> topics = new LinkedHashMap<>();
    private final Map<String, List<Subscription>> subscriptions = new HashMap<>();
    private final Map<String, List<PublishedMessage>> published = new HashMap<>();

    public SnsTwin(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The same name gives the same topic; the same name with other attributes is refused. */
    @Override
    public synchronized CreateTopicResponse createTopic(CreateTopicRequest request) {
        String name = request.name();
        if (name == null || !TOPIC_NAME.matcher(name).matches()) {
            throw SnsErrors.invalid("Topic Name");
        }
        Map<String, String> attributes = request.attributes();
        attributes.keySet().stream().filter(key -> !SETTABLE.contains(key)).findFirst().ifPresent(key -> {
            throw SnsErrors.invalid("Attributes Reason: Unknown attribute " + key);
        });
        Topic existing = topics.get(Topic.arnOf(name));
        if (existing != null && !attributes.entrySet().stream()
                .allMatch(e -> e.getValue().equals(existing.attributes().get(e.getKey())))) {
            throw SnsErrors.invalid("Attributes Reason: Topic already exists with different attributes");
        }
        Topic topic = existing != null ? existing : new Topic(name, attributes);
        topics.put(topic.arn(), topic);
        return CreateTopicResponse.builder().topicArn(topic.arn()).build();
    }

    /** Always answers Topics, an empty list included, as the CLI expects. */
    @Override
    public synchronized ListTopicsResponse listTopics(ListTopicsRequest request) {
        List<String> arns = List.copyOf(topics.keySet());
        int from = request.nextToken() == null ? 0 : start(request.nextToken(), arns.size());
        int to = Math.min(arns.size(), from + PAGE);
        return ListTopicsResponse.builder()
                .topics(arns.subList(from, to).stream()
                        .map(arn -> software.amazon.awssdk.services.sns.model.Topic.builder().topicArn(arn).build())
                        .toList())
                .nextToken(to < arns.size() ? Integer.toString(to) : null)
                .build();
    }

    @Override
    public synchronized GetTopicAttributesResponse getTopicAttributes(GetTopicAttributesRequest request) {
        Topic topic = topic(request.topicArn());
        List<Subscription> subs = subscriptions.getOrDefault(topic.arn(), List.of());
        long confirmed = subs.stream().filter(Subscription::confirmed).count();
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("TopicArn", topic.arn());
        attributes.put("Owner", LocalAccount.ID);
        attributes.put("DisplayName", "");
        attributes.put("Policy", TopicPolicy.defaultFor(topic.arn()));
        attributes.put("SubscriptionsConfirmed", Long.toString(confirmed));
        attributes.put("SubscriptionsPending", Long.toString(subs.size() - confirmed));
        attributes.put("SubscriptionsDeleted", "0");
        attributes.put("EffectiveDeliveryPolicy", TopicPolicy.EFFECTIVE_DELIVERY);
        attributes.putAll(topic.attributes());
        return GetTopicAttributesResponse.builder().attributes(attributes).build();
    }

    @Override
    public synchronized SetTopicAttributesResponse setTopicAttributes(SetTopicAttributesRequest request) {
        if (!SETTABLE.contains(request.attributeName())) {
            throw SnsErrors.invalid("AttributeName");
        }
        Topic topic = topic(request.topicArn());
        topics.put(topic.arn(), topic.with(request.attributeName(), Objects.requireNonNullElse(request.attributeValue(), "")));
        return SetTopicAttributesResponse.builder().build();
    }

    /** Deleting a topic that is not there succeeds, as on AWS. */
    @Override
    public synchronized DeleteTopicResponse deleteTopic(DeleteTopicRequest request) {
        topics.remove(request.topicArn());
        subscriptions.remove(request.topicArn());
        return DeleteTopicResponse.builder().build();
    }

    @Override
    public synchronized SubscribeResponse subscribe(SubscribeRequest request) {
        String protocol = request.protocol();
        if (protocol == null || !ENDPOINTS.containsKey(protocol)) {
            throw SnsErrors.invalid("Amazon SNS does not support this protocol string: " + protocol);
        }
        if (request.endpoint() == null || !ENDPOINTS.get(protocol).matcher(request.endpoint()).matches()) {
            throw SnsErrors.invalid("Invalid " + protocol + " endpoint: " + request.endpoint());
        }
        Topic topic = topic(request.topicArn());
        List<Subscription> subs = subscriptions.computeIfAbsent(topic.arn(), arn -> new ArrayList<>());
        Subscription subscription = subs.stream()
                .filter(s -> s.protocol().equals(protocol) && s.endpoint().equals(request.endpoint()))
                .findFirst()
                .orElseGet(() -> {
                    Subscription created = new Subscription(topic.arn() + ":" + UUID.randomUUID(), topic.arn(),
                            protocol, request.endpoint(), !NEED_CONFIRMATION.contains(protocol));
                    subs.add(created);
                    return created;
                });
        boolean showArn = subscription.confirmed() || Boolean.TRUE.equals(request.returnSubscriptionArn());
        return SubscribeResponse.builder().subscriptionArn(showArn ? subscription.arn() : "pending confirmation").build();
    }

    @Override
    public synchronized ListSubscriptionsByTopicResponse listSubscriptionsByTopic(ListSubscriptionsByTopicRequest request) {
        Topic topic = topic(request.topicArn());
        return ListSubscriptionsByTopicResponse.builder()
                .subscriptions(subscriptions.getOrDefault(topic.arn(), List.of()).stream()
                        .map(s -> s.toSdk(LocalAccount.ID)).toList())
                .build();
    }

    @Override
    public synchronized PublishResponse publish(PublishRequest request) {
        String topicArn = PublishCheck.target(request);
        PublishCheck.check(request);
        Topic topic = topic(topicArn);
        PublishedMessage message = new PublishedMessage(UUID.randomUUID().toString(), topic.arn(), request.subject(),
                request.message(), request.messageStructure(), request.messageAttributes(), clock.now());
        published.computeIfAbsent(topic.arn(), arn -> new ArrayList<>()).add(message);
        return PublishResponse.builder().messageId(message.messageId()).build();
    }

    /** Every message published to the topic, oldest first (kept after the topic is deleted). */
    public synchronized List<PublishedMessage> published(String topicArn) {
        return List.copyOf(published.getOrDefault(topicArn, List.of()));
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {
    }

    private Topic topic(String arn) {
        Topic topic = arn == null ? null : topics.get(arn);
        if (topic == null) {
            throw SnsErrors.topicNotFound();
        }
        return topic;
    }

    private static int start(String token, int size) {
        try {
            int from = Integer.parseInt(token);
            if (from >= 0 && from <= size) {
                return from;
            }
        } catch (NumberFormatException e) {
            // falls through to the refusal below
        }
        throw SnsErrors.invalid("NextToken");
    }
}
