package dev.greenlight.cli.config;

import picocli.CommandLine.Command;

/** {@code greenlight config}: the configuration file every part of Greenlight reads. */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Check greenlight.json, the configuration the CDK app, the workers and the CLI read.",
        subcommands = {ConfigValidate.class})
public final class ConfigCommand {
}
