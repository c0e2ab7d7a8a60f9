package dev.greenlight.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Prints the cold starts as one aligned text table, under a header naming the machine and the builds. */
final class ColdStartTable {

    private static final String[] COLUMNS = {"worker", "build", "jar (MiB)", "cold starts",
            "first response p50 (ms)", "p90 (ms)", "main to response p50 (ms)"};

    private ColdStartTable() {
    }

    static void print(PrintStream out, List<ColdStarts> results, List<WorkerBuild> builds) {
        out.printf("Greenlight workers' cold starts — cores: %d, child JVM: %s %s %s; system load average now: %.2f%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"), Runtime.version(),
                String.join(" ", FreshJvm.JVM_OPTIONS), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        out.println("Each cold start a fresh JVM, from process start to the worker's response read, against the twin's"
                + " wire gateway on loopback; p90 is the nearest rank.");
        for (WorkerBuild build : builds) {
            out.printf("  %-13s %s: %s%n", build.name() + ":", build.jar().getFileName(), build.what());
        }
        out.println();
        List<String[]> rows = new ArrayList<>();
        rows.add(COLUMNS);
        for (ColdStarts c : results) {
            rows.add(new String[] {c.worker(), c.build().name(),
                    String.format(Locale.ROOT, "%.1f", c.build().jarBytes() / (1024.0 * 1024)),
                    String.valueOf(c.samples().size()),
                    String.format(Locale.ROOT, "%,.0f", c.firstResponseMillis(50)),
                    String.format(Locale.ROOT, "%,.0f", c.firstResponseMillis(90)),
                    String.format(Locale.ROOT, "%,.0f", c.inMainMillis(50))});
        }
        TextTable.print(out, rows);
    }
}
