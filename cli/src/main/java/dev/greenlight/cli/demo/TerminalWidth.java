package dev.greenlight.cli.demo;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * How many columns the terminal has: {@code COLUMNS} when the shell exports it, else what
 * {@code stty size} reads from the terminal, else 80. The JDK cannot ask the terminal itself.
 */
final class TerminalWidth {

    static final int DEFAULT = 80;

    private TerminalWidth() {
    }

    static int of(Map<String, String> environment) {
        Integer columns = parse(environment.get("COLUMNS"));
        if (columns != null) {
            return columns;
        }
        Integer fromTerminal = stty();
        return fromTerminal != null ? fromTerminal : DEFAULT;
    }

    /** A whole number of columns above a useful minimum, else null. */
    static Integer parse(String value) {
        if (value == null || !value.strip().matches("[0-9]{1,4}")) {
            return null;
        }
        int columns = Integer.parseInt(value.strip());
        return columns >= 20 ? columns : null;
    }

    /** {@code stty size} prints "ROWS COLUMNS" for the terminal on its standard input. */
    private static Integer stty() {
        File tty = new File("/dev/tty");
        if (!tty.canRead()) {
            return null;
        }
        try {
            Process stty = new ProcessBuilder("stty", "size").redirectInput(tty)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String answer = new String(stty.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!stty.waitFor(2, TimeUnit.SECONDS) || stty.exitValue() != 0) {
                return null;
            }
            String[] rowsAndColumns = answer.split(" ");
            return rowsAndColumns.length == 2 ? parse(rowsAndColumns[1]) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
