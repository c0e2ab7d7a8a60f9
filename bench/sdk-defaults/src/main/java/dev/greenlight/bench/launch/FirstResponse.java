package dev.greenlight.bench.launch;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * One invocation in a fresh JVM, as a Lambda container's first: make the handler, give it the event
 * read from standard input, and print its response on one line, then the nanoseconds from
 * {@code main} to that response on the next (what the JVM spent before {@code main} is the rest of
 * what the launching process measures).
 */
final class FirstResponse {

    private FirstResponse() {
    }

    static void call(Supplier<RequestStreamHandler> handler) throws IOException {
        long start = System.nanoTime();
        byte[] event = System.in.readAllBytes();
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        // The workers never read the Context; the Lambda runtime's would only carry request metadata.
        handler.get().handleRequest(new ByteArrayInputStream(event), response, null);
        long nanos = System.nanoTime() - start;
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        out.println(response.toString(StandardCharsets.UTF_8));
        out.println(nanos);
        out.flush();
    }
}
