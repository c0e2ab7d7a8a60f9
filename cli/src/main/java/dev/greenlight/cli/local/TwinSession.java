package dev.greenlight.cli.local;

import dev.greenlight.cli.aws.Aws;
import dev.greenlight.cli.aws.TwinAddress;
import dev.greenlight.cli.console.Console;
import dev.greenlight.local.clock.RealClock;
import dev.greenlight.local.fleet.TrafficGenerator;
import dev.greenlight.local.fleet.TrafficPlan;
import dev.greenlight.local.gateway.WireGateway;
import dev.greenlight.local.twin.DemoService;
import dev.greenlight.local.twin.LocalTwin;
import dev.greenlight.workers.config.ServiceConfig.ApprovalMode;
import java.time.Duration;

/**
 * A running twin on the wall clock, served on loopback, with the pipeline deployed for its demo
 * service and its address in the discovery file; closing it stops everything it started and removes
 * the file.
 */
final class TwinSession implements AutoCloseable {

    final RealClock clock = new RealClock();
    final LocalTwin twin = LocalTwin.realTime(clock);
    final DemoService demoService;
    final WireGateway gateway;
    final PushEndpoint pushEndpoint;
    /** Where the twin is; replaced once {@code --deploy} has deployed a pipeline ({@link DeployedEndpoints}). */
    volatile TwinAddress address;
    /** The web console on the pipeline, or null for an empty account. */
    final Console console;
    private final Aws consoleAws;
    /** User requests a second on the demo service's production listener; 0 for none. */
    final double usersPerSecond;
    private final TrafficGenerator users;

    /**
     * @param demoService    the service to provision, or null for an empty account
     * @param usersPerSecond steady user requests on its production listener while the twin runs; 0 for none
     */
    TwinSession(int port, String demoService, ApprovalMode approval, double usersPerSecond, int consolePort) {
        try {
            this.demoService = demoService == null ? null
                    : DemoService.provision(twin, DemoService.Settings.defaults(demoService));
            this.usersPerSecond = this.demoService == null ? 0 : usersPerSecond;
            this.users = this.usersPerSecond == 0 ? null : twin.fleet().sendTraffic(
                    twin.elb().listenerPort(this.demoService.productionListenerArn()),
                    new TrafficPlan(this.usersPerSecond, USERS_FOR, Long.MAX_VALUE));
            TwinPipeline pipeline = this.demoService == null ? null
                    : TwinPipeline.deploy(twin, this.demoService, approval, false);
            this.gateway = twin.serve(port);
            this.pushEndpoint = PushEndpoint.start(twin);
            this.address = new TwinAddress("http://127.0.0.1:" + gateway.port(), pushEndpoint.url(),
                    pipeline == null ? null : pipeline.stateMachineArn(), pipeline == null ? null : pipeline.config());
            address.write();
            this.consoleAws = pipeline == null ? null
                    : Aws.connect(address.endpointUrl(), null, address.stateMachineArn());
            this.console = pipeline == null ? null : Console.start(consoleAws, address.config(), consolePort);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** A day of users; the generator keeps what each saw, so not forever. */
    private static final Duration USERS_FOR = Duration.ofHours(24);

    @Override
    public void close() {
        if (console != null) {
            console.close();
        }
        if (consoleAws != null) {
            consoleAws.close();
        }
        if (users != null) {
            users.stop();
        }
        if (address != null) {
            address.remove();
        }
        if (pushEndpoint != null) {
            pushEndpoint.close();
        }
        if (gateway != null) {
            gateway.close();
        }
        twin.close();
        clock.close();
    }
}
