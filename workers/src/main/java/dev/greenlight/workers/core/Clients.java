package dev.greenlight.workers.core;

import java.net.URI;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
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
 * {@code GREENLIGHT_ENDPOINT_URL} points them at the local twin's gateway. Settings come from
 * {@link Environment}.
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
        builder.region(Region.of(Environment.variable("AWS_REGION", "us-east-1")))
                .credentialsProvider(credentials())
                .httpClientBuilder(UrlConnectionHttpClient.builder());
        String endpoint = Environment.variable("GREENLIGHT_ENDPOINT_URL");
        if (endpoint != null && !endpoint.isBlank()) {
            builder.endpointOverride(URI.create(endpoint));
        }
        return builder;
    }

    /**
     * The execution role's credentials, which the Lambda runtime puts in the environment; on the twin
     * its function loader supplies them (the SDK's provider reads only the process's environment).
     */
    private static AwsCredentialsProvider credentials() {
        if (!Environment.onTwin()) {
            return EnvironmentVariableCredentialsProvider.create();
        }
        return () -> {
            String key = Environment.variable("AWS_ACCESS_KEY_ID");
            String secret = Environment.variable("AWS_SECRET_ACCESS_KEY");
            String session = Environment.variable("AWS_SESSION_TOKEN");
            return session == null ? AwsBasicCredentials.create(key, secret)
                    : AwsSessionCredentials.create(key, secret, session);
        };
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
