package dev.greenlight.bench;

import dev.greenlight.local.clock.VirtualClock;
import dev.greenlight.local.gateway.WireGateway;
import dev.greenlight.local.twin.LocalTwin;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.ecr.EcrClient;

/**
 * Measures the workers' cold starts, each in a fresh JVM against the twin's wire gateway, for our
 * build and for the same workers built with the SDK's defaults, and the size of each jar. Three
 * workers stand for the eleven, which all start the same way and differ in the services they call:
 * VerifyImage (ECR and ECS, and a blob download), WatchDeployment (CodeDeploy and CloudWatch, reads)
 * and StartDeployment (CodeDeploy, writes). Arguments: cold starts per worker
 * and build (default 5) and the repository's root (default the working directory). Run by
 * {@code scripts/bench}, which packages both jars first.
 */
public final class ColdStartBench {

    private ColdStartBench() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path root = Path.of(args.length > 1 ? args[1] : "").toAbsolutePath();
        List<WorkerBuild> builds = List.of(WorkerBuild.ours(root), WorkerBuild.sdkDefaults(root));
        // The workers read the system clock (WatchDeployment's "now"), so virtual time starts at the wall clock's.
        VirtualClock clock = new VirtualClock(Instant.now());
        try (LocalTwin twin = LocalTwin.virtualTime(clock);
                LayerDownloads downloads = LayerDownloads.serve(twin.ecr());
                WireGateway gateway = twin.gateway().register(EcrClient.class, downloads.ecr()).start(0)) {
            OrdersOnTheTwin orders = OrdersOnTheTwin.provision(twin, clock);
            FreshJvm jvm = new FreshJvm(gateway.port());
            List<ColdStarts> results = new ArrayList<>();
            for (WorkerCall call : List.of(new VerifyImageCall(orders), new WatchDeploymentCall(orders),
                    new StartDeploymentCall(orders))) {
                System.err.println("measuring cold starts: " + call.worker().getSimpleName());
                results.addAll(ColdStartRounds.measure(jvm, call, builds, rounds));
            }
            ColdStartTable.print(System.out, results, builds);
        }
    }
}
