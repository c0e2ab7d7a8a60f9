package dev.greenlight.cli.local;

import dev.greenlight.cli.aws.TwinAddress;
import java.io.PrintWriter;

/** What a user needs to reach the twin: the gateway, how to point the AWS CLI at it, the demo service. */
final class Endpoints {

    private Endpoints() {
    }

    /** @param deploying whether the CDK app is deployed next: the twin's address then comes with what it deployed */
    static void print(TwinSession session, boolean deploying, PrintWriter out) {
        String url = "http://127.0.0.1:" + session.gateway.port();
        out.println("Greenlight local twin is up (real time).");
        out.println("  AWS endpoint:  " + url + "  (" + String.join(", ", session.gateway.services()) + ")");
        out.println("  AWS CLI:       AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local AWS_DEFAULT_REGION=us-east-1 "
                + "aws --endpoint-url " + url + " sns list-topics");
        if (session.demoService != null) {
            var service = session.demoService;
            out.println("  Demo service:  " + service.name() + " (ECS cluster " + service.cluster()
                    + ", CodeDeploy group " + service.deploymentGroup() + ")");
            out.println("    production:  http://127.0.0.1:" + session.twin.elb().listenerPort(
                    service.productionListenerArn()) + "/");
            out.println("    test:        http://127.0.0.1:" + session.twin.elb().listenerPort(
                    service.testListenerArn()) + "/");
            out.println("    users:       " + (session.usersPerSecond == 0
                    ? "none (--no-users): the canary's evidence is the synthetic load the pipeline drives at green"
                    : String.format(java.util.Locale.ROOT, "%s requests/s on the production listener (--users N, "
                            + "--no-users)", new java.math.BigDecimal(session.usersPerSecond).stripTrailingZeros()
                            .toPlainString())));
            out.println("    try:         aws --endpoint-url " + url + " ecs describe-services --cluster "
                    + service.cluster() + " --services " + service.name());
            out.println("  Pipeline:      " + session.address.stateMachineArn());
            out.println("    release:     greenlight push " + service.name() + " 2.0   (then: greenlight status --watch)");
            out.println("  Web console:   " + session.console.url());
        }
        if (!deploying) {
            out.println("  Twin address:  " + TwinAddress.file() + "  (the other greenlight commands read it)");
        }
        out.flush();
    }
}
