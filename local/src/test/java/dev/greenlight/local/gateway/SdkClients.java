package dev.greenlight.local.gateway;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/** Real SDK clients pointed at a gateway, as worker code builds them; no retries, so one call is one request. */
public final class SdkClients {

    private SdkClients() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <C> C against(WireGateway gateway, AwsClientBuilder<?, C> builder) {
        AwsClientBuilder raw = builder;
        raw.endpointOverride(URI.create("http://127.0.0.1:" + gateway.port()));
        raw.region(Region.US_EAST_1);
        raw.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDLOCAL", "secret")));
        raw.overrideConfiguration(ClientOverrideConfiguration.builder()
                .retryStrategy(AwsRetryStrategy.doNotRetry())
                .putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true)
                .build());
        ((AwsSyncClientBuilder) raw).httpClient(UrlConnectionHttpClient.create());
        return (C) raw.build();
    }
}
