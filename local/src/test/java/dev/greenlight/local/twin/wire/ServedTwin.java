package dev.greenlight.local.twin.wire;

import dev.greenlight.local.clock.RealClock;
import dev.greenlight.local.gateway.SdkClients;
import dev.greenlight.local.gateway.WireGateway;
import dev.greenlight.local.twin.DemoService;
import dev.greenlight.local.twin.LocalTwin;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;

/**
 * The assembled twin as {@code greenlight local up} runs it: on the wall clock, with the real HTTP
 * fleet, the demo service {@code orders} provisioned, every twin served on a free loopback port.
 * Tests reach it only through {@link #client} and the AWS CLI, except where the brief of a test is
 * an in-process action AWS has no API for (registering a function's code, pushing an image).
 */
final class ServedTwin implements AutoCloseable {

    private final RealClock clock = new RealClock();
    private final LocalTwin twin = LocalTwin.realTime(clock);
    private final DemoService orders = DemoService.provision(twin, DemoService.Settings.defaults("orders"));
    private final WireGateway gateway = twin.serve(0);

    LocalTwin twin() {
        return twin;
    }

    DemoService orders() {
        return orders;
    }

    int port() {
        return gateway.port();
    }

    /**
     * The role {@code greenlight} that Step Functions and EventBridge act as, as in AWS, allowed the
     * given policy statements (JSON objects, comma-separated).
     */
    void pipelineRole(String statements) {
        twin.iam().createRole(r -> r.roleName("greenlight").assumeRolePolicyDocument("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole",
                 "Principal":{"Service":["states.amazonaws.com","events.amazonaws.com"]}}]}"""));
        twin.iam().putRolePolicy(r -> r.roleName("greenlight").policyName("pipeline").policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[" + statements + "]}"));
    }

    /** Role {@code name}, which only the service principal {@code service} may assume, with no permissions. */
    void serviceRole(String name, String service) {
        twin.iam().createRole(r -> r.roleName(name).assumeRolePolicyDocument("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole",
                 "Principal":{"Service":"%s"}}]}""".formatted(service)));
    }

    /** A real SDK client of the service, built as a worker builds it, pointed at the gateway. */
    <C> C client(AwsClientBuilder<?, C> builder) {
        return SdkClients.against(gateway, builder);
    }

    @Override
    public void close() {
        gateway.close();
        twin.close();
        clock.close();
    }
}
