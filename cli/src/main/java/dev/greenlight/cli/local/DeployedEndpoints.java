package dev.greenlight.cli.local;

import dev.greenlight.cli.rehearsal.DeployedStacks;
import dev.greenlight.cli.rehearsal.Rehearsal;
import dev.greenlight.cli.rehearsal.StackResources;
import java.io.PrintWriter;

/** What {@code local up --deploy} deployed, and how to release through it and remove it. */
final class DeployedEndpoints {

    private DeployedEndpoints() {
    }

    static void print(TwinSession session, DeployedStacks stacks, PrintWriter out) {
        String url = "http://127.0.0.1:" + session.gateway.port();
        StackResources demo = StackResources.of(session.twin, Rehearsal.DEMO_STACK);
        String service = Rehearsal.DEMO_SERVICE;
        out.println("Both stacks are deployed; CloudFormation created the demo service and the pipeline:");
        out.println("  Demo service:  " + service + " (ECS service, ALB, CodeDeploy group of " + Rehearsal.DEMO_STACK
                + ")");
        out.println("    production:  http://127.0.0.1:" + session.twin.elb().listenerPort(demo.listener(80)) + "/");
        out.println("    test:        http://127.0.0.1:" + session.twin.elb().listenerPort(
                demo.listener(Rehearsal.TEST_PORT)) + "/");
        out.println("  Pipeline:      " + stacks.stateMachineArn());
        out.println("    release:     greenlight push " + service + " 2.0   (then: greenlight status --watch)");
        out.println("  Configuration: " + stacks.configFile() + "  (greenlight.json, smoke.testUrl = the test listener)");
        out.println("  CDK CLI logs:  " + stacks.logs());
        out.println("  Remove them:   AWS_ENDPOINT_URL=" + url + " AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local "
                + "scripts/cdk destroy --all --force");
        out.flush();
    }
}
