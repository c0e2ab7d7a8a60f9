package dev.greenlight.local.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Duration;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * An HTTP/1.1 server on 127.0.0.1 for the twin's endpoints: the gateway, the push endpoint, the
 * fleet's listeners and apps. It runs on Jetty: a connection waits in a selector, not on a thread,
 * until its request is complete, so hundreds of idle or half-sent requests do not hold up a
 * well-formed one; a connection that sends nothing for the idle timeout is closed (the read
 * timeout and the keep-alive timeout alike). Accepted sockets have TCP_NODELAY, so small answers
 * do not wait on Nagle's algorithm and delayed ACKs.
 */
public final class LoopbackServer implements AutoCloseable {

    /** How long a connection may send nothing, mid-request or between kept-alive requests. */
    public static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);

    private static final int MAX_THREADS = 32;
    private static final int MIN_THREADS = 2;
    private static final Duration GRACE = Duration.ofSeconds(1);
    /** Connections the kernel holds until the acceptor takes them: a burst of hundreds is not refused. */
    private static final int ACCEPT_QUEUE = 1024;

    private final Server server;
    private final ServerConnector connector;

    private LoopbackServer(Server server, ServerConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    /** Serves {@code handler} on 127.0.0.1:{@code port} (0 picks a free one); {@code name} names its threads. */
    public static LoopbackServer start(String name, int port, Handler handler) {
        return start(name, port, handler, null, IDLE_TIMEOUT);
    }

    /**
     * @param errors answers what the server refuses before {@code handler} sees it (a malformed URL,
     *               oversized headers), or null for Jetty's own page
     */
    public static LoopbackServer start(String name, int port, Handler handler, Request.Handler errors,
            Duration idleTimeout) {
        QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, MIN_THREADS);
        threads.setName(name);
        threads.setDaemon(true);
        threads.setReservedThreads(0);
        Server server = new Server(threads);
        server.setStopTimeout(GRACE.toMillis());
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(InetAddress.getLoopbackAddress().getHostAddress());
        connector.setPort(port);
        connector.setIdleTimeout(idleTimeout.toMillis());
        connector.setAcceptedTcpNoDelay(true);
        connector.setAcceptQueueSize(ACCEPT_QUEUE);
        server.addConnector(connector);
        server.setHandler(handler);
        if (errors != null) {
            server.setErrorHandler(errors);
        }
        try {
            server.start();
        } catch (IOException e) {
            stopQuietly(server);
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            stopQuietly(server);
            throw new IllegalStateException("cannot start " + name + " on 127.0.0.1:" + port, e);
        }
        return new LoopbackServer(server, connector);
    }

    public int port() {
        return connector.getLocalPort();
    }

    /** Stops listening; requests in flight get a second to finish. */
    @Override
    public void close() {
        stopQuietly(server);
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            // Stopping is best effort: the threads are daemons and the port is released either way.
        }
    }
}
