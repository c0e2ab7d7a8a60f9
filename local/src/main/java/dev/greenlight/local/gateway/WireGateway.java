package dev.greenlight.local.gateway;

import dev.greenlight.local.aws.ecr.DistributionApi;
import dev.greenlight.local.http.LoopbackServer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkClient;

/**
 * One HTTP server on 127.0.0.1 that serves registered twins over their AWS wire protocols
 * (awsJson 1.0/1.1, awsQuery, rpcv2Cbor, restJson1), so that SDK clients and the AWS CLI with
 * {@code --endpoint-url} reach a twin unchanged. Routing and (de)serialisation come from the
 * SDK's own model metadata: registering a twin needs no code per operation. The port opens only
 * once every twin is registered, so the first call made to it is served; scripts can also wait on
 * {@code GET /_greenlight/health}.
 *
 * <pre>{@code
 * try (WireGateway gateway = WireGateway.builder().register(SnsClient.class, snsTwin).start(4566)) {
 *     ...
 * }
 * }</pre>
 */
public final class WireGateway implements AutoCloseable {

    public static final int DEFAULT_PORT = 4566;

    private final LoopbackServer server;
    private final List<String> services;

    private WireGateway(LoopbackServer server, List<String> services) {
        this.server = server;
        this.services = services;
    }

    public static Builder builder() {
        return new Builder();
    }

    public int port() {
        return server.port();
    }

    /** The services served, by the signing names SigV4 credential scopes carry (as the health answer keys them). */
    public List<String> services() {
        return services;
    }

    /** Stops listening; requests in flight get a second to finish. */
    @Override
    public void close() {
        server.close();
    }

    /** The twins to serve; nothing listens until {@link #start(int)}. */
    public static final class Builder {

        private final Services services = new Services();
        private Authorizer authorizer = Authorizer.NONE;
        private DistributionApi registry;
        private final Map<String, Function<String, Optional<String>>> twinOnlyPages = new HashMap<>();

        private Builder() {
        }

        /** Asks {@code authorizer} before each call is served (by default every call is). */
        public Builder authorizer(Authorizer authorizer) {
            this.authorizer = Objects.requireNonNull(authorizer, "authorizer");
            return this;
        }

        /** Serves {@code twin} as the service of {@code clientInterface}, replacing an earlier twin of it. */
        public <C extends SdkClient> Builder register(Class<C> clientInterface, C twin) {
            services.add(ServiceModel.of(clientInterface, twin));
            return this;
        }

        /** Serves the ECR twin's registry ({@code /v2/}) on the same port as the AWS APIs, as ECR's endpoint. */
        public Builder registry(DistributionApi distributionApi) {
            this.registry = distributionApi;
            return this;
        }

        /**
         * Answers {@code GET path?name=value} with the plain text {@code page} gives for the value
         * of {@code name}, or 404: facts about the twin that AWS has no API for, such as the
         * loopback address a load balancer's listener answers on.
         */
        public Builder twinOnly(String path, String name, Function<String, Optional<String>> page) {
            twinOnlyPages.put(path, query -> page.apply(QueryForm.parse(query).get(name)));
            return this;
        }

        /** Starts serving on 127.0.0.1:{@code port}; port 0 picks a free one (see {@link #port()}). */
        public WireGateway start(int port) {
            Dispatcher dispatcher = new Dispatcher(services, authorizer);
            return new WireGateway(LoopbackServer.start("wire-gateway", port, new GatewayHandler(services, dispatcher, registry, Map.copyOf(twinOnlyPages)),
                    new GatewayErrorHandler(dispatcher), LoopbackServer.IDLE_TIMEOUT),
                    services.all().stream().map(ServiceModel::signingName).sorted().toList());
        }
    }
}
