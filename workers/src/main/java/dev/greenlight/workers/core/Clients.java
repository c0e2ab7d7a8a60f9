package dev.greenlight.workers.core;

import java.net.URI;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The SDK clients of a Lambda container, built once each and only when first used: explicit region
 * and credentials provider, the lightweight URL-connection HTTP client, no discovery at start.
 * {@code GREENLIGHT_ENDPOINT_URL} points them at the local twin's gateway.
 */
public final class Clients {

    private static final Supplier<EcrClient> ECR = once(() -> configure(EcrClient.builder()).build());
    private static final Supplier<EcsClient> ECS = once(() -> configure(EcsClient.builder()).build());
    private static final Supplier<CodeDeployClient> CODE_DEPLOY =
            once(() -> configure(CodeDeployClient.builder()).build());
    private static final Supplier<CloudWatchClient> CLOUD_WATCH =
            once(() -> configure(CloudWatchClient.builder()).build());
    private static final Supplier<ElasticLoadBalancingV2Client> ELB =
            once(() -> configure(ElasticLoadBalancingV2Client.builder()).build());
    private static final Supplier<SnsClient> SNS = once(() -> configure(SnsClient.builder()).build());
    private static final Supplier<EventBridgeClient> EVENTS = once(() -> configure(EventBridgeClient.builder()).build());
    private static final Supplier<SfnClient> SFN = once(() -> configure(SfnClient.builder()).build());

    private Clients() {
    }

    public static EcrClient ecr() {
        return ECR.get();
    }

    public static EcsClient ecs() {
        return ECS.get();
    }

    public static CodeDeployClient codeDeploy() {
        return CODE_DEPLOY.get();
    }

    public static CloudWatchClient cloudWatch() {
        return CLOUD_WATCH.get();
    }

    public static ElasticLoadBalancingV2Client elb() {
        return ELB.get();
    }

    public static SnsClient sns() {
        return SNS.get();
    }

    public static EventBridgeClient events() {
        return EVENTS.get();
    }

    public static SfnClient stepFunctions() {
        return SFN.get();
    }

    private static <B extends AwsClientBuilder<B, ?> & software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<B, ?>>
            B configure(B builder) {
        builder.region(Region.of(System.getenv().getOrDefault("AWS_REGION", "us-east-1")))
                .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
                .httpClientBuilder(UrlConnectionHttpClient.builder());
        String endpoint = System.getenv("GREENLIGHT_ENDPOINT_URL");
        if (endpoint != null && !endpoint.isBlank()) {
            builder.endpointOverride(URI.create(endpoint));
        }
        return builder;
    }

    private static <T> Supplier<T> once(Supplier<T> create) {
        return new Supplier<>() {
            private volatile T value;

            @Override
            public T get() {
                T current = value;
                if (current == null) {
                    synchronized (this) {
                        if (value == null) {
                            value = create.get();
                        }
                        current = value;
                    }
                }
                return current;
            }
        };
    }
}
