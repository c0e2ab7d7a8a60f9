package dev.greenlight.bench;

import java.io.PrintStream;
import java.util.List;

/** An aligned text table: a header, a rule under it, the first column left-aligned and the rest right-aligned. */
final class TextTable {

    private TextTable() {
    }

    static void print(PrintStream out, List<String[]> rows) {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            out.println(line(rows.get(r), widths));
            if (r == 0) {
                out.println(rule(widths));
            }
        }
    }

    private static String line(String[] row, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < row.length; i++) {
            String cell = i == 0 ? pad(row[i], widths[i], false) : pad(row[i], widths[i], true);
            line.append(i == 0 ? "" : " | ").append(cell);
        }
        return line.toString();
    }

    private static String rule(int[] widths) {
        StringBuilder rule = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            rule.append(i == 0 ? "" : "-+-").append("-".repeat(widths[i]));
        }
        return rule.toString();
    }

    private static String pad(String text, int width, boolean right) {
        String space = " ".repeat(width - text.length());
        return right ? space + text : text + space;
    }
}
