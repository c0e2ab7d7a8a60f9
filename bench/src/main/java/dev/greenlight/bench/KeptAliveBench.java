package dev.greenlight.bench;

import dev.greenlight.local.clock.RealClock;
import dev.greenlight.local.gateway.WireGateway;
import dev.greenlight.local.twin.DemoService;
import dev.greenlight.local.twin.LocalTwin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The latency of kept-alive requests on loopback under what {@code greenlight local up} runs (the
 * demo service provisioned, real time): the gateway (SNS ListTopics, awsQuery) and the production
 * listener (a user's GET through the load balancer to a sample app). Nagle's algorithm against
 * delayed ACKs shows as about 40 ms a request; without it, a request takes about a millisecond.
 * Argument: requests per endpoint (default 1000). Run by {@code scripts/bench}.
 */
public final class KeptAliveBench {

    private static final String SIGNED_FOR_SNS = "AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/sns/"
            + "aws4_request, SignedHeaders=host, Signature=0";

    private KeptAliveBench() {
    }

    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        try (RealClock clock = new RealClock(); LocalTwin twin = LocalTwin.realTime(clock)) {
            DemoService orders = DemoService.provision(twin, DemoService.Settings.defaults("orders"));
            try (WireGateway gateway = twin.serve(0)) {
                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                HttpRequest listTopics = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + "/"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Authorization", SIGNED_FOR_SNS)
                        .POST(HttpRequest.BodyPublishers.ofString("Action=ListTopics&Version=2010-03-31")).build();
                int listener = twin.elb().listenerPort(orders.productionListenerArn());
                HttpRequest userGet = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + listener + "/")).build();
                awaitServing(client, userGet);
                List<String[]> rows = new ArrayList<>();
                rows.add(new String[] {"kept-alive requests on loopback", "requests", "p50 ms", "p90 ms", "p99 ms"});
                rows.add(row("gateway: SNS ListTopics (awsQuery)", latencies(client, listTopics, requests)));
                rows.add(row("production listener: GET / to a sample app", latencies(client, userGet, requests)));
                TextTable.print(System.out, rows);
            }
        }
    }

    /** The sample app's tasks pass their health checks a few seconds after they start. */
    private static void awaitServing(HttpClient client, HttpRequest request) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the production listener did not serve within 60 s");
            }
            Thread.sleep(200); // waiting for real servers to come up, outside what is measured
        }
    }

    private static double[] latencies(HttpClient client, HttpRequest request, int requests)
            throws IOException, InterruptedException {
        for (int i = 0; i < Math.min(100, requests); i++) {
            client.send(request, HttpResponse.BodyHandlers.discarding()); // warm-up: JIT, and the connection kept
        }
        double[] millis = new double[requests];
        for (int i = 0; i < requests; i++) {
            long start = System.nanoTime();
            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            millis[i] = (System.nanoTime() - start) / 1e6;
            if (status != 200) {
                throw new IllegalStateException(request.uri() + " answered " + status);
            }
        }
        Arrays.sort(millis);
        return millis;
    }

    private static String[] row(String endpoint, double[] sorted) {
        return new String[] {endpoint, Integer.toString(sorted.length), percentile(sorted, 50), percentile(sorted, 90),
                percentile(sorted, 99)};
    }

    private static String percentile(double[] sorted, int p) {
        return String.format("%.2f", sorted[Math.min(sorted.length - 1, sorted.length * p / 100)]);
    }
}
