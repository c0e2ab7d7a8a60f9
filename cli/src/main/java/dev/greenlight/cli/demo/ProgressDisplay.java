package dev.greenlight.cli.demo;

import java.io.PrintWriter;
import java.time.Duration;

/**
 * Live progress: on a terminal one line redrawn in place; otherwise (a pipe, a log, a test) a plain
 * line whenever the step a person follows (canary, bake, rollback, ...), the split or an alarm changes, and
 * at least every {@link #PLAIN_EVERY} with the figures; not each time the pipeline goes round a step's loop.
 */
final class ProgressDisplay {

    static final Duration PLAIN_EVERY = Duration.ofSeconds(30);

    private final PrintWriter out;
    private final boolean inPlace;
    private final int columns;
    private String lastHeadline;
    private Duration lastPrinted;
    private boolean lineOpen;

    /** @param columns the terminal's width; a line redrawn in place keeps within it */
    ProgressDisplay(PrintWriter out, boolean inPlace, int columns) {
        this.out = out;
        this.inPlace = inPlace;
        this.columns = columns;
    }

    void show(Observation observation) {
        if (inPlace) {
            // Carriage return, then erase to the end of the line: the line is redrawn where it is.
            // The last column stays free: a line that fills it makes some terminals wrap.
            out.print("\r\u001b[K" + observation.line(columns - 1));
            lineOpen = true;
        } else if (!observation.headline().equals(lastHeadline) || lastPrinted == null
                || observation.elapsed().minus(lastPrinted).compareTo(PLAIN_EVERY) >= 0) {
            out.println(observation.stepLine());
            lastHeadline = observation.headline();
            lastPrinted = observation.elapsed();
        }
        out.flush();
    }

    /** A message on a line of its own, below the progress line it leaves in place. */
    void say(String message) {
        endLine();
        out.println(message);
        out.flush();
    }

    /** Starts afresh for the next deployment. */
    void endLine() {
        if (lineOpen) {
            out.println();
            lineOpen = false;
        }
        lastHeadline = null;
        lastPrinted = null;
    }
}
