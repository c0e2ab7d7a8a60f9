package dev.greenlight.cli.rehearsal;

import java.io.PrintWriter;

/**
 * Standard output that knows whether its last line is unfinished (a CDK step waiting for its time), so
 * that a message from elsewhere (the twin stopping on Ctrl-C) starts on a line of its own.
 */
public final class ProgressWriter extends PrintWriter {

    private boolean lineOpen;

    public ProgressWriter(PrintWriter out) {
        super(out, true);
    }

    @Override
    public void write(int c) {
        synchronized (lock) {
            super.write(c);
            lineOpen = c != '\n';
        }
    }

    @Override
    public void write(char[] buf, int off, int len) {
        synchronized (lock) {
            super.write(buf, off, len);
            if (len > 0) {
                lineOpen = buf[off + len - 1] != '\n';
            }
        }
    }

    @Override
    public void write(String s, int off, int len) {
        synchronized (lock) {
            super.write(s, off, len);
            if (len > 0) {
                lineOpen = s.charAt(off + len - 1) != '\n';
            }
        }
    }

    /** PrintWriter ends a line by writing the separator to the underlying writer, past the methods above. */
    @Override
    public void println() {
        synchronized (lock) {
            super.println();
            lineOpen = false;
        }
    }

    /** {@code message} on a line of its own: the unfinished line, if any, is ended first. */
    public void sayOnItsOwnLine(String message) {
        synchronized (lock) {
            if (lineOpen) {
                println();
            }
            println(message);
            flush();
        }
    }
}
