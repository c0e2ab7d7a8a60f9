package dev.greenlight.cli.console;

import dev.greenlight.cli.aws.Aws;
import dev.greenlight.local.http.LoopbackServer;
import dev.greenlight.workers.config.GreenlightConfig;

/** The web console, served on 127.0.0.1 until closed, against the twin or AWS that {@code aws} reaches. */
public final class Console implements AutoCloseable {

    private final LoopbackServer server;

    private Console(LoopbackServer server) {
        this.server = server;
    }

    /**
     * @param port   the port on 127.0.0.1; 0 picks a free one
     * @param config the configuration releases are started with, or null (the console then only watches
     *               and answers approvals)
     */
    public static Console start(Aws aws, GreenlightConfig config, int port) {
        ConsoleHandler handler = new ConsoleHandler(aws, config);
        LoopbackServer server = LoopbackServer.start("console", port, handler);
        handler.servesOn(server.port());
        return new Console(server);
    }

    public String url() {
        return "http://127.0.0.1:" + server.port() + "/";
    }

    @Override
    public void close() {
        server.close();
    }
}
