package dev.greenlight.cli.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.cli.rehearsal.CdkCli;
import dev.greenlight.cli.rehearsal.Checkout;
import dev.greenlight.local.clock.RealClock;
import dev.greenlight.local.gateway.WireGateway;
import dev.greenlight.local.twin.LocalTwin;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudformation.model.Stack;

/**
 * The stock CDK CLI bootstraps an empty twin and deploys both of Greenlight's stacks onto it
 * through CloudFormation, then destroys them: what a user deploys, rehearsed end to end. Each
 * step's time is printed (the suite's budget on a 2-core machine).
 */
class CdkDeployOnTheTwinTest {

    @TempDir
    Path work;

    @Test
    void bootstrapDeployAndDestroyBothStacks() throws Exception {
        Checkout checkout = new Checkout(Path.of("..").toAbsolutePath().normalize());
        RequiredTool.assume(checkout.problem().isEmpty(), checkout.problem().orElse(""));
        try (LocalTwin twin = LocalTwin.realTime(new RealClock()); WireGateway gateway = twin.serve(0)) {
            CdkCli cdk = new CdkCli(checkout, gateway.port());
            String assembly = work.resolve("cdk.out").toString();

            step(cdk.synth(work.resolve("synth.log"), work.resolve("cdk.out")), "synth");
            step(cdk.run(work.resolve("bootstrap.log"), "bootstrap", "--app", assembly), "bootstrap");
            assertThat(status(twin, "CDKToolkit")).isEqualTo("CREATE_COMPLETE");

            step(cdk.run(work.resolve("deploy.log"), "deploy", "--app", assembly, "--all", "--require-approval", "never"),
                    "deploy --all");
            assertThat(status(twin, "Greenlight")).isEqualTo("CREATE_COMPLETE");
            assertThat(status(twin, "GreenlightDemo")).isEqualTo("CREATE_COMPLETE");
            // The CDK CLI hands CloudFormation the bootstrap's execution role, whose policy every resource's calls pass.
            String execRole = "cdk-hnb659fds-cfn-exec-role-123456789012-us-east-1";
            assertThat(twin.cloudFormation().describeStacks(r -> r.stackName("Greenlight")).stacks().get(0).roleARN())
                    .isEqualTo("arn:aws:iam::123456789012:role/" + execRole);
            assertThat(twin.roleUsage().allowed().get(execRole)).containsKeys("iam:CreateRole", "lambda:CreateFunction",
                    "states:CreateStateMachine", "iam:PassRole");
            assertThat(twin.roleUsage().denials()).doesNotContainKey(execRole);

            step(cdk.run(work.resolve("destroy.log"), "destroy", "--app", assembly, "--all", "--force"), "destroy --all");
            assertThat(twin.cloudFormation().describeStacks(r -> { }).stacks()).extracting(Stack::stackName)
                    .containsExactly("CDKToolkit");
        }
    }

    private static void step(CdkCli.Result result, String name) {
        System.out.printf("cdk %s: exit %d in %d ms%n", name, result.exit(), result.took().toMillis());
        assertThat(result.exit()).as("cdk %s:%n%s", name, result.output()).isZero();
    }

    private static String status(LocalTwin twin, String stack) {
        return twin.cloudFormation().describeStacks(r -> r.stackName(stack)).stacks().get(0).stackStatusAsString();
    }
}
