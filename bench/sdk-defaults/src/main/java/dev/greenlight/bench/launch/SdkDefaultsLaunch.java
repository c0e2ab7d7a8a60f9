package dev.greenlight.bench.launch;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.greenlight.workers.deploy.StartDeployment;
import dev.greenlight.workers.notify.Notify;
import dev.greenlight.workers.taskdef.RegisterTaskDefinition;
import dev.greenlight.workers.verify.EcrImageConfigs;
import dev.greenlight.workers.verify.VerifyImage;
import dev.greenlight.workers.watch.WatchDeployment;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The same workers with the SDK's defaults, as a handler written from the SDK's getting-started guide
 * makes its clients: {@code XxxClient.builder().endpointOverride(…).build()}, which is
 * {@code XxxClient.create()} pointed at the twin. So the HTTP client is the one the SDK finds on the
 * class path (Apache), the region comes from the default provider chain and the credentials from the
 * default chain. Arguments: the worker's class name; the event on standard input.
 */
public final class SdkDefaultsLaunch {

    private SdkDefaultsLaunch() {
    }

    public static void main(String[] args) throws Exception {
        URI endpoint = URI.create(System.getenv("GREENLIGHT_ENDPOINT_URL"));
        FirstResponse.call(() -> worker(args[0], endpoint));
    }

    private static RequestStreamHandler worker(String className, URI endpoint) {
        String name = className.substring(className.lastIndexOf('.') + 1);
        return switch (name) {
            case "VerifyImage" -> {
                EcrClient ecr = client(EcrClient.builder(), endpoint);
                yield new VerifyImage(ecr, client(EcsClient.builder(), endpoint),
                        new EcrImageConfigs(ecr, Duration.ofSeconds(10)));
            }
            case "WatchDeployment" -> new WatchDeployment(client(CodeDeployClient.builder(), endpoint),
                    client(EcsClient.builder(), endpoint),
                    client(CloudWatchClient.builder(), endpoint),
                    client(ElasticLoadBalancingV2Client.builder(), endpoint), Clock.systemUTC());
            case "StartDeployment" -> new StartDeployment(client(CodeDeployClient.builder(), endpoint),
                    System.getenv("SMOKE_TEST_FUNCTION"), Clock.systemUTC());
            case "RegisterTaskDefinition" -> new RegisterTaskDefinition(client(EcsClient.builder(), endpoint));
            case "Notify" -> new Notify(client(EventBridgeClient.builder(), endpoint),
                    client(SnsClient.builder(), endpoint));
            default -> throw new IllegalArgumentException("no SDK-defaults build of worker " + className);
        };
    }

    private static <B extends AwsClientBuilder<B, C>, C> C client(B builder, URI endpoint) {
        return builder.endpointOverride(endpoint).build();
    }
}
