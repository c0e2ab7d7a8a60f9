package dev.greenlight.cli.console;

import dev.greenlight.cli.CliError;
import dev.greenlight.cli.aws.Aws;
import dev.greenlight.cli.ops.ApprovalAnswer;
import dev.greenlight.cli.ops.ConfigSource;
import dev.greenlight.cli.ops.Start;
import dev.greenlight.workers.config.GreenlightConfig;
import dev.greenlight.workers.config.ServiceConfig.ApprovalMode;
import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * What a person can do from the console, done exactly as the commands do it: an approval or
 * rejection as {@code greenlight approve} / {@code reject} sends it (the caller's AWS identity and the reason), a
 * release as {@code greenlight start} starts it. A refusal is the commands' {@link CliError}.
 */
final class ConsoleActions {

    private final Aws aws;
    private final GreenlightConfig config;

    /** @param config the configuration releases are started with, or null when the console has none */
    ConsoleActions(Aws aws, GreenlightConfig config) {
        this.aws = aws;
        this.config = config;
    }

    /** @return what happened, in a sentence */
    String answer(String execution, boolean approve, String reason) throws Exception {
        String why = reason == null || reason.isBlank()
                ? (approve ? "approved in the console" : "rejected in the console") : reason;
        StringWriter said = new StringWriter();
        ApprovalAnswer.send(aws, execution, approve, why, new PrintWriter(said, true));
        return said.toString().strip();
    }

    /** @return what happened, a line each */
    String start(String service, String image, String approval, String reason) {
        if (config == null) {
            throw new CliError("The console has no configuration to start a release with. Run it beside "
                    + "greenlight.json, or against a twin started with greenlight local up.");
        }
        if (service == null || service.isBlank() || image == null || image.isBlank()) {
            throw new CliError("Name the service and the image (REPO:TAG or REPO@DIGEST) to release.");
        }
        ApprovalMode mode = approval == null || approval.isBlank() ? null : mode(approval);
        return String.join("\n", Start.release(aws, ConfigSource.service(config, service), service, image, mode,
                reason, false));
    }

    private static ApprovalMode mode(String approval) {
        try {
            return ApprovalMode.valueOf(approval);
        } catch (IllegalArgumentException e) {
            throw new CliError("Approval is auto or manual, not " + approval + ".");
        }
    }
}
