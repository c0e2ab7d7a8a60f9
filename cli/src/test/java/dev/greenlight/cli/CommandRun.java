package dev.greenlight.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/** Runs the greenlight command in-process, as a user would from the shell, and keeps what it printed. */
public record CommandRun(int exitCode, String out, String err) {

    public static CommandRun of(String... args) {
        return withStdin("", args);
    }

    public static synchronized CommandRun withStdin(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        InputStream original = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            int code = Greenlight.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                    .execute(args);
            return new CommandRun(code, out.toString(), err.toString());
        } finally {
            System.setIn(original);
        }
    }
}
