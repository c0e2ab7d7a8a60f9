package dev.greenlight.cli.local;

import dev.greenlight.local.clock.RealClock;
import dev.greenlight.local.gateway.WireGateway;
import dev.greenlight.local.twin.DemoService;
import dev.greenlight.local.twin.LocalTwin;

/** A running twin on the wall clock, served on loopback; closing it stops everything it started. */
final class TwinSession implements AutoCloseable {

    final RealClock clock = new RealClock();
    final LocalTwin twin = LocalTwin.realTime(clock);
    final DemoService demoService;
    final WireGateway gateway;

    /** @param demoService the service to provision, or null for an empty account */
    TwinSession(int port, String demoService) {
        try {
            this.demoService = demoService == null ? null
                    : DemoService.provision(twin, DemoService.Settings.defaults(demoService));
            this.gateway = twin.serve(port);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    public void close() {
        if (gateway != null) {
            gateway.close();
        }
        twin.close();
        clock.close();
    }
}
