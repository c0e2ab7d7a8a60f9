package dev.greenlight.local.aws.lambda;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

/**
 * Functions from code run in the twin's JVM, whose standard output and error are the user's
 * terminal; in AWS they go to the function's log. So System.out and System.err are wrapped once in
 * a stream that sends what the invoking thread writes, while a function runs on it, to that
 * invocation's log, and everything else to the stream it wrapped, unchanged. Threads a function
 * starts itself are not followed (their output reaches the terminal).
 */
final class FunctionOutput {

    private static final ThreadLocal<InvocationLog> CURRENT = new ThreadLocal<>();

    private FunctionOutput() {
    }

    /** Runs {@code work} with this thread's output going to {@code log}. */
    static <T> T capture(InvocationLog log, Callable<T> work) throws Exception {
        install();
        InvocationLog previous = CURRENT.get();
        CURRENT.set(log);
        try {
            return work.call();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    /** A LambdaLogger message: one event in the running invocation's log, else a line on standard error. */
    static void log(String message) {
        InvocationLog log = CURRENT.get();
        if (log != null) {
            log.line(message);
        } else {
            System.err.println(message);
        }
    }

    /** Wraps the streams again if someone replaced them (a test capturing output) since. */
    private static synchronized void install() {
        if (!(System.out instanceof Routed)) {
            System.setOut(new Routed(System.out));
        }
        if (!(System.err instanceof Routed)) {
            System.setErr(new Routed(System.err));
        }
    }

    private static final class Routed extends PrintStream {
        Routed(PrintStream elsewhere) {
            super(new Router(elsewhere), true, StandardCharsets.UTF_8);
        }
    }

    private static final class Router extends OutputStream {

        private final PrintStream elsewhere;

        Router(PrintStream elsewhere) {
            this.elsewhere = elsewhere;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            InvocationLog log = CURRENT.get();
            if (log != null) {
                log.write(bytes, offset, length);
            } else {
                elsewhere.write(bytes, offset, length);
            }
        }

        @Override
        public void flush() {
            elsewhere.flush();
        }
    }
}
