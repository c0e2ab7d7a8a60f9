package dev.greenlight.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Ours beside aws-local-stepfunctions 3.0.0 on the same machines in the same run: state transitions a second at each
 * side's median execution, the process's CPU time per execution (collector and compiler included on both sides;
 * another process on a busy machine moves it far less than wall time), heap allocated per execution, and how many
 * times faster ours is by each. The peer has no JSONata, so a JSONata row sets ours against the peer's JSONPath run
 * of the same machine.
 */
final class SideBySideTable {

    private static final String[] COLUMNS = {"benchmark", "ours (transitions/s)", "ours (CPU/exec)",
            "ours (alloc/exec)", "peer (transitions/s)", "peer (CPU/exec)", "peer (alloc/exec)", "ratio (wall)",
            "ratio (CPU)"};

    /** One row: our measurement and the peer benchmark it is set against. */
    record Row(Measurement ours, String peerBenchmark, boolean peerInJsonPath) {

        /** The same machine takes the same path in both: the peer's transitions are ours, execution for execution. */
        double transitionsPerExecution() {
            return ours.transitions() / (double) ours.rounds();
        }
    }

    private SideBySideTable() {
    }

    static void print(PrintStream out, List<Row> rows, Map<String, PeerRun.Result> peer) {
        out.println("Side by side with aws-local-stepfunctions 3.0.0 (Node 22, in process, warmed up, run after ours);"
                + " * the peer has no JSONata: its JSONPath run of the same machine");
        List<String[]> table = new ArrayList<>();
        table.add(COLUMNS);
        for (Row row : rows) {
            Measurement ours = row.ours();
            PeerRun.Result theirs = peer.get(row.peerBenchmark());
            if (theirs == null) {
                table.add(new String[] {ours.scenario(), transitions(ours.medianTransitionsPerSecond()),
                        millis(ours.cpuNanosPerRound()), bytes(ours.allocatedBytesPerRound()), "-", "-", "-", "-", "-"});
                continue;
            }
            String mark = row.peerInJsonPath() ? " *" : "";
            table.add(new String[] {ours.scenario(),
                    transitions(ours.medianTransitionsPerSecond()),
                    millis(ours.cpuNanosPerRound()),
                    bytes(ours.allocatedBytesPerRound()),
                    transitions(theirs.executionsPerSecond() * row.transitionsPerExecution()) + mark,
                    millis(theirs.cpuNanosPerExecution()) + mark,
                    bytes(theirs.bytesPerExecution()) + mark,
                    format("%.1f×", ours.roundsPerSecond() / theirs.executionsPerSecond()),
                    format("%.1f×", theirs.cpuNanosPerExecution() / (double) ours.cpuNanosPerRound())});
        }
        TextTable.print(out, table);
    }

    private static String transitions(double perSecond) {
        return format("%,.0f", perSecond);
    }

    private static String millis(long nanos) {
        return format("%,.3f ms", nanos / 1e6);
    }

    private static String bytes(long bytes) {
        return bytes >= 1 << 20 ? format("%,.1f MiB", bytes / (double) (1 << 20)) : format("%,.0f KiB", bytes / 1024.0);
    }

    private static String format(String pattern, Object value) {
        return String.format(Locale.ROOT, pattern, value);
    }
}
