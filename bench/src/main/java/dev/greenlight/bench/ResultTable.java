package dev.greenlight.bench;

import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Prints the measurements as one aligned text table, under a header naming the machine. */
final class ResultTable {

    private static final String[] COLUMNS = {"scenario", "rounds", "operations", "time (s)", "rate (ops/s)",
            "µs/op", "transitions/s"};

    private ResultTable() {
    }

    static void print(PrintStream out, List<Measurement> measurements) {
        out.printf("Greenlight local engine and twin — cores: %d, JVM: %s %s (%s), max heap: %d MiB, GC: %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                Runtime.version(), System.getProperty("java.vm.vendor"),
                Runtime.getRuntime().maxMemory() / (1024 * 1024), collectors());
        out.printf("One execution at a time on one thread, in virtual time (Waits and retry intervals cost nothing);"
                + " system load average now: %.2f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        out.println();
        List<String[]> rows = new ArrayList<>();
        rows.add(COLUMNS);
        for (Measurement m : measurements) {
            rows.add(new String[] {m.scenario(), String.format(Locale.ROOT, "%,d", m.rounds()),
                    String.format(Locale.ROOT, "%,d %ss", m.operations(), m.unit()),
                    String.format(Locale.ROOT, "%.2f", m.seconds()),
                    String.format(Locale.ROOT, "%,.0f", m.operationsPerSecond()),
                    String.format(Locale.ROOT, "%,.1f", m.microsPerOperation()),
                    m.transitions() == 0 ? "-" : String.format(Locale.ROOT, "%,.0f", m.transitionsPerSecond())});
        }
        TextTable.print(out, rows);
    }

    private static String collectors() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName)
                .collect(Collectors.joining(" + "));
    }
}
