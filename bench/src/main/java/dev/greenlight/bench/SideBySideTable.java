package dev.greenlight.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Ours beside aws-local-stepfunctions 3.0.0 on the same machines in the same run: executions a second and state
 * transitions a second at each side's median execution, heap allocated per execution, and how many times faster ours is. The peer has no JSONata,
 * so a JSONata row sets ours against the peer's JSONPath run of the same machine.
 */
final class SideBySideTable {

    private static final String[] COLUMNS = {"benchmark", "ours (exec/s)", "ours (transitions/s)",
            "ours (alloc/exec)", "peer (exec/s)", "peer (transitions/s)", "peer (alloc/exec)", "ours / peer"};

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
            double peerRate = theirs == null ? Double.NaN : theirs.executionsPerSecond();
            String mark = row.peerInJsonPath() ? " *" : "";
            table.add(new String[] {ours.scenario(),
                    format("%,.1f", ours.roundsPerSecond()),
                    format("%,.0f", ours.medianTransitionsPerSecond()),
                    bytes(ours.allocatedBytesPerRound()),
                    theirs == null ? "-" : format("%,.1f", peerRate) + mark,
                    theirs == null ? "-" : format("%,.0f", peerRate * row.transitionsPerExecution()) + mark,
                    theirs == null ? "-" : bytes(theirs.bytesPerExecution()) + mark,
                    theirs == null ? "-" : format("%.1f×", ours.roundsPerSecond() / peerRate)});
        }
        TextTable.print(out, table);
    }

    private static String bytes(long bytes) {
        return bytes >= 1 << 20 ? format("%,.1f MiB", bytes / (double) (1 << 20)) : format("%,.0f KiB", bytes / 1024.0);
    }

    private static String format(String pattern, Object value) {
        return String.format(Locale.ROOT, pattern, value);
    }
}
