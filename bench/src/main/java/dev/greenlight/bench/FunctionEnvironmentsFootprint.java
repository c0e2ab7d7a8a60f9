package dev.greenlight.bench;

import dev.greenlight.local.aws.lambda.LambdaTwin;
import dev.greenlight.local.clock.VirtualClock;
import dev.greenlight.workers.steps.Step;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import software.amazon.awssdk.core.SdkBytes;

/**
 * What each function created from the workers jar costs the twin: every worker of the pipeline created from
 * {@code workers/target/greenlight-workers.jar} and invoked once (its handler constructed, its clients built, the
 * call failing fast against a closed port), each in its own execution environment's class loader. Prints the
 * classes loaded, metaspace and heap after each. Argument: the repository root (default: the working directory).
 */
public final class FunctionEnvironmentsFootprint {

    private FunctionEnvironmentsFootprint() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".");
        byte[] jar = Files.readAllBytes(root.resolve("workers/target/greenlight-workers.jar"));
        LambdaTwin lambda = new LambdaTwin(new VirtualClock(), new SplittableRandom(3));
        // Every call a worker makes fails at once: nothing listens on port 1.
        lambda.runtimeVariables((function, role) -> Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:1",
                "GREENLIGHT_ENDPOINT_URL", "http://127.0.0.1:1", "AWS_ACCESS_KEY_ID", "ASIAFOOTPRINT0000000",
                "AWS_SECRET_ACCESS_KEY", "secret", "AWS_SESSION_TOKEN", "token"));
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"functions from the workers jar", "classes loaded", "metaspace MB", "heap MB"});
        Snapshot before = Snapshot.now();
        rows.add(before.row("none", before));
        Snapshot previous = before;
        int created = 0;
        for (Step step : Step.values()) {
            String name = "footprint-" + step.name().toLowerCase().replace('_', '-');
            lambda.createFunction(b -> b.functionName(name).runtime("java21").handler(step.handler())
                    .role("arn:aws:iam::123456789012:role/footprint").code(c -> c.zipFile(SdkBytes.fromByteArray(jar))));
            String error = lambda.invoke(b -> b.functionName(name).payload(SdkBytes.fromUtf8String("{}")))
                    .functionError();
            created++;
            Snapshot after = Snapshot.now();
            rows.add(after.row(created + " (+" + step.name() + (error == null ? "" : ", " + error) + ")", previous));
            previous = after;
        }
        rows.add(previous.row("all " + created + ", per function", before, created));
        TextTable.print(System.out, rows);
    }

    /** The JVM's loaded classes, metaspace used and heap used after a full GC. */
    private record Snapshot(long classes, long metaspace, long heap) {

        static Snapshot now() {
            for (int i = 0; i < 3; i++) {
                System.gc();
            }
            long metaspace = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(pool -> pool.getName().equals("Metaspace")).mapToLong(pool -> pool.getUsage().getUsed())
                    .sum();
            return new Snapshot(ManagementFactory.getClassLoadingMXBean().getLoadedClassCount(), metaspace,
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }

        String[] row(String label, Snapshot since) {
            return row(label, since, 1);
        }

        /** The change since {@code since}, divided by {@code per}. */
        String[] row(String label, Snapshot since, int per) {
            return new String[] {label, String.format("%,d", (classes - since.classes) / per),
                    String.format("%.1f", (metaspace - since.metaspace) / per / 1e6),
                    String.format("%.1f", (heap - since.heap) / per / 1e6)};
        }
    }
}
