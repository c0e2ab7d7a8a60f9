package dev.greenlight.cli.local;

import dev.greenlight.cli.aws.TwinAddress;
import dev.greenlight.cli.rehearsal.DeployedStacks;
import dev.greenlight.cli.rehearsal.Rehearsal;
import dev.greenlight.cli.rehearsal.StackResources;
import dev.greenlight.local.twin.LocalTwin;
import java.io.PrintWriter;

/**
 * What a rehearsal deployed onto a twin that keeps serving it ({@code local up --deploy}, {@code demo
 * --deployed --keep-stacks}): recorded in the discovery file for the other greenlight commands, and
 * printed with how to release through it and remove it.
 */
public final class DeployedEndpoints {

    private DeployedEndpoints() {
    }

    /**
     * Writes the twin's address with the deployed pipeline and its configuration, and prints what was
     * deployed and the next commands.
     *
     * @param pushUrl the twin's {@link PushEndpoint}, which {@code greenlight push} calls
     * @return the address written, which the twin removes when it stops
     */
    public static TwinAddress publish(LocalTwin twin, int gatewayPort, String pushUrl, Rehearsal rehearsal,
            DeployedStacks stacks, PrintWriter out) {
        TwinAddress address = new TwinAddress("http://127.0.0.1:" + gatewayPort, pushUrl, stacks.stateMachineArn(),
                stacks.config());
        address.write();
        StackResources demo = StackResources.of(twin, Rehearsal.DEMO_STACK);
        String service = Rehearsal.DEMO_SERVICE;
        out.println("Both stacks are deployed; CloudFormation created the demo service and the pipeline:");
        out.println("  Demo service:  " + service + " (ECS service, ALB, CodeDeploy group of " + Rehearsal.DEMO_STACK
                + ")");
        out.println("    production:  http://127.0.0.1:" + twin.elb().listenerPort(demo.listener(80)) + "/");
        out.println("    test:        http://127.0.0.1:" + twin.elb().listenerPort(
                demo.listener(Rehearsal.TEST_PORT)) + "/");
        out.println("  Pipeline:      " + stacks.stateMachineArn());
        out.println("    release:     greenlight push " + service + " 2.0   (then: greenlight status --watch)");
        out.println("  Configuration: " + stacks.configFile() + "  (greenlight.json, smoke.testUrl = the test listener)");
        out.println("  CDK CLI logs:  " + stacks.logs() + "  (removed when the twin stops)");
        out.println("  Remove them:   " + rehearsal.destroyCommand(stacks));
        out.println("  Twin address:  " + TwinAddress.file() + "  (the other greenlight commands read it)");
        out.flush();
        return address;
    }
}
