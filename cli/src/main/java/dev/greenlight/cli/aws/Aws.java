package dev.greenlight.cli.aws;

import dev.greenlight.cli.CliError;
import dev.greenlight.workers.backend.Backends;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.StateMachineListItem;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * One command's connection: where its calls go (the twin or AWS), the SDK clients it builds there on
 * first use, the pipeline's state machine, and how a failed call is explained.
 */
public final class Aws implements AutoCloseable {

    /** The state machine's name on the twin, and the CDK construct id its generated name starts with in AWS. */
    private static final List<String> PIPELINE_NAMES = List.of("greenlight-pipeline", "Pipeline");

    private final URI endpoint;
    private final Region region;
    private final AwsCredentialsProvider credentials;
    private final Optional<TwinAddress> twin;
    private final String stateMachineArn;
    private final List<AutoCloseable> clients = new ArrayList<>();
    private SfnClient sfn;
    private EcrClient ecr;
    private CloudWatchClient cloudWatch;
    private CodeDeployClient codeDeploy;
    private ElasticLoadBalancingV2Client elb;
    private EcsClient ecs;
    private StsClient sts;
    private IamClient iam;

    private Aws(URI endpoint, Region region, AwsCredentialsProvider credentials, Optional<TwinAddress> twin,
            String stateMachineArn) {
        this.endpoint = endpoint;
        this.region = region;
        this.credentials = credentials;
        this.twin = twin;
        this.stateMachineArn = stateMachineArn;
    }

    /**
     * An explicit endpoint wins; else the running twin; else AWS through the SDK's chains. A loopback
     * endpoint is a twin.
     */
    public static Aws connect(String endpointUrl, String region, String stateMachineArn) {
        Optional<TwinAddress> running = TwinAddress.find();
        String url = endpointUrl != null ? endpointUrl : running.map(TwinAddress::endpointUrl).orElse(null);
        Optional<TwinAddress> twin = running.filter(found -> found.endpointUrl().equals(url));
        URI endpoint;
        try {
            endpoint = url == null ? null : URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new CliError("--endpoint-url " + url + " is not a URL. Pass one like http://127.0.0.1:4566.");
        }
        boolean local = endpoint != null && ("127.0.0.1".equals(endpoint.getHost())
                || "localhost".equals(endpoint.getHost()));
        AwsCredentialsProvider credentials = local ? twinCredentials() : DefaultCredentialsProvider.create();
        return new Aws(endpoint, region(region, local), credentials, twin,
                stateMachineArn != null ? stateMachineArn : twin.map(TwinAddress::stateMachineArn).orElse(null));
    }

    /**
     * Keys given in the environment (or system properties), such as a role's from {@code aws sts
     * assume-role}, so a rehearsal runs as that role and the audit trail names it; else the twin's
     * default keys, which act as the account root. Profiles are not read: their keys are AWS's.
     */
    private static AwsCredentialsProvider twinCredentials() {
        return AwsCredentialsProviderChain.builder().reuseLastProviderEnabled(false).credentialsProviders(
                SystemPropertyCredentialsProvider.create(), EnvironmentVariableCredentialsProvider.create(),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))).build();
    }

    private static Region region(String option, boolean local) {
        if (option != null) {
            return Region.of(option);
        }
        if (local) {
            return Region.US_EAST_1;
        }
        try {
            return new DefaultAwsRegionProviderChain().getRegion();
        } catch (SdkClientException e) {
            throw new CliError("No AWS region is configured. Set AWS_REGION, run aws configure, or pass --region; "
                    + "to use the local twin, start it with greenlight local up.");
        }
    }

    /** The twin these calls go to, when it is the one {@code local up} started. */
    public Optional<TwinAddress> twin() {
        return twin;
    }

    public boolean isTwin() {
        return endpoint != null;
    }

    /** The twin's wire gateway, where its twin-only pages are served too; empty when the calls go to AWS. */
    public Optional<URI> twinEndpoint() {
        return Optional.ofNullable(endpoint);
    }

    /** The pipeline: as given, the twin's, or the one state machine in the account named like it. */
    public String stateMachineArn() {
        if (stateMachineArn != null) {
            return stateMachineArn;
        }
        List<StateMachineListItem> pipelines = sfn().listStateMachinesPaginator(r -> r.maxResults(100))
                .stateMachines().stream()
                .filter(machine -> PIPELINE_NAMES.stream().anyMatch(machine.name()::startsWith)).toList();
        if (pipelines.size() != 1) {
            throw new CliError((pipelines.isEmpty() ? "No Greenlight pipeline was found in " + where() + ". "
                    : "Several state machines look like the pipeline (" + pipelines.stream()
                            .map(StateMachineListItem::name).toList() + "). ")
                    + "Name it with --state-machine ARN or GREENLIGHT_STATE_MACHINE_ARN (the Greenlight stack's "
                    + "StateMachineArn output), or start the twin with greenlight local up.");
        }
        return pipelines.get(0).stateMachineArn();
    }

    /** An execution's ARN from its ARN or its name (an execution of the pipeline). */
    public String executionArn(String arnOrName) {
        if (arnOrName.startsWith("arn:")) {
            return arnOrName;
        }
        return stateMachineArn().replace(":stateMachine:", ":execution:") + ":" + arnOrName;
    }

    public synchronized SfnClient sfn() {
        if (sfn == null) {
            sfn = build(SfnClient.builder());
        }
        return sfn;
    }

    public synchronized EcrClient ecr() {
        if (ecr == null) {
            ecr = build(EcrClient.builder());
        }
        return ecr;
    }

    public synchronized CloudWatchClient cloudWatch() {
        if (cloudWatch == null) {
            cloudWatch = build(CloudWatchClient.builder());
        }
        return cloudWatch;
    }

    public synchronized CodeDeployClient codeDeploy() {
        if (codeDeploy == null) {
            codeDeploy = build(CodeDeployClient.builder());
        }
        return codeDeploy;
    }

    public synchronized EcsClient ecs() {
        if (ecs == null) {
            ecs = build(EcsClient.builder());
        }
        return ecs;
    }

    public synchronized StsClient sts() {
        if (sts == null) {
            sts = build(StsClient.builder());
        }
        return sts;
    }

    /** The deployment backends, to read a service's deployment whichever deploys it; each client built at first use. */
    public Backends backends() {
        return Backends.readers(this::codeDeploy, this::ecs);
    }

    public synchronized IamClient iam() {
        if (iam == null) {
            iam = build(IamClient.builder());
        }
        return iam;
    }

    public synchronized ElasticLoadBalancingV2Client elb() {
        if (elb == null) {
            elb = build(ElasticLoadBalancingV2Client.builder());
        }
        return elb;
    }

    /** Where the calls go, in words. */
    public String where() {
        return endpoint == null ? "AWS (" + region + ")" : "the twin at " + endpoint;
    }

    /** A failed call, explained with a next step. */
    public CliError explain(SdkException e) {
        if (e instanceof ExecutionDoesNotExistException) {
            return new CliError("There is no such execution in " + where() + " (" + e.getMessage().split(" \\(")[0]
                    + "). List the recent ones with greenlight list, or pass the execution's full ARN.");
        }
        if (e instanceof AwsServiceException service) {
            return new CliError(where() + " refused the call: " + service.awsErrorDetails().errorCode() + ": "
                    + service.awsErrorDetails().errorMessage() + ". Check the names and your permissions, "
                    + "then try again.");
        }
        String reason = e.getMessage();
        if (endpoint != null) {
            return new CliError("Cannot reach " + where() + " (" + reason + "). Is it running? Start it with "
                    + "greenlight local up, or point --endpoint-url at a running twin."
                    + (twin.isPresent() ? " If it was killed, delete " + TwinAddress.file() + "." : ""));
        }
        return new CliError("Cannot call " + where() + " (" + reason + "). Check your network and credentials "
                + "(aws sts get-caller-identity), or start the local twin with greenlight local up.");
    }

    @Override
    public void close() {
        clients.forEach(client -> {
            try {
                client.close();
            } catch (Exception e) {
                // Closing only releases connections; nothing the user could act on.
            }
        });
    }

    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C extends AutoCloseable> C build(
            B builder) {
        builder.region(region).credentialsProvider(credentials).httpClientBuilder(UrlConnectionHttpClient.builder());
        if (endpoint != null) {
            // The twin serves every service on one host: no "sync-" prefix for StartSyncExecution.
            builder.endpointOverride(endpoint).overrideConfiguration(ClientOverrideConfiguration.builder()
                    .putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true).build());
        }
        C client = builder.build();
        clients.add(client);
        return client;
    }
}
