package dev.greenlight.local.aws.sns;


/**
 * A subscription. Email and HTTP(S) endpoints must confirm before they receive anything, so
 * they stay pending here (nobody clicks the link); Lambda and SQS are confirmed at once.
 */
record Subscription(String arn, String topicArn, String protocol, String endpoint, boolean confirmed) {

    static final String PENDING = "PendingConfirmation";

    software.amazon.awssdk.services.sns.model.Subscription toSdk(String owner) {
        return software.amazon.awssdk.services.sns.model.Subscription.builder()
                .subscriptionArn(confirmed ? arn : PENDING)
                .owner(owner)
                .protocol(protocol)
                .endpoint(endpoint)
                .topicArn(topicArn)
                .build();
    }

}
