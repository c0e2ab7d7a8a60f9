package dev.greenlight.cli.rehearsal;

import dev.greenlight.workers.config.GreenlightConfig;
import java.nio.file.Path;

/**
 * Both stacks as the CDK CLI deployed them onto a twin.
 *
 * @param stateMachineArn the Greenlight stack's {@code StateMachineArn} output: the pipeline
 * @param config          the configuration the Greenlight stack was synthesized with
 * @param configFile      that configuration as a file: the copy of greenlight.json with the test URL
 * @param assembly        the synthesized Greenlight app, which {@code cdk destroy} takes
 * @param logs            where each step's log is
 */
public record DeployedStacks(String stateMachineArn, GreenlightConfig config, Path configFile, Path assembly,
        Path logs) {
}
