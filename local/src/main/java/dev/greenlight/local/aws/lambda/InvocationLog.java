package dev.greenlight.local.aws.lambda;

import dev.greenlight.local.aws.lambda.FunctionLogs.LogLine;
import dev.greenlight.local.clock.Clock;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What one invocation wrote, one event per line as the Java runtime sends standard output and
 * error; a LambdaLogger message is one event even across lines, as the runtime keeps it.
 */
final class InvocationLog {

    private final Clock clock;
    private final List<LogLine> lines = new ArrayList<>();
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();

    InvocationLog(Clock clock) {
        this.clock = clock;
    }

    synchronized void line(String message) {
        endPartialLine();
        lines.add(new LogLine(clock.now(), message));
    }

    synchronized void write(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            if (bytes[i] == '\n') {
                endPartialLine();
            } else {
                partial.write(bytes[i]);
            }
        }
    }

    /** The events so far, a line not yet ended included. */
    synchronized List<LogLine> lines() {
        endPartialLine();
        return List.copyOf(lines);
    }

    /** An empty line is no event: PutLogEvents refuses an empty message. */
    private void endPartialLine() {
        if (partial.size() > 0) {
            String text = partial.toString(StandardCharsets.UTF_8);
            lines.add(new LogLine(clock.now(), text.endsWith("\r") ? text.substring(0, text.length() - 1) : text));
            partial.reset();
        }
    }
}
