package dev.greenlight.cli.ops;

import dev.greenlight.cli.Arguments;
import dev.greenlight.cli.CliError;
import dev.greenlight.cli.aws.Aws;
import dev.greenlight.cli.aws.AwsCommand;
import dev.greenlight.workers.config.ServiceConfig.ApprovalMode;
import dev.greenlight.workers.config.ServiceConfig;
import dev.greenlight.workers.core.DeploymentInput.ImageRef;
import dev.greenlight.workers.core.DeploymentInput;
import dev.greenlight.workers.pipeline.PipelineStart;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.services.ecr.model.DescribeImagesResponse;
import software.amazon.awssdk.services.ecr.model.ImageDetail;
import software.amazon.awssdk.services.ecr.model.ImageNotFoundException;
import software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * {@code greenlight start}: a manual start with the input an ECR push builds, trigger source
 * {@code manual} by the caller's AWS identity, under the same execution name (so it never deploys an image twice).
 */
@Command(name = "start", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Deploy an image already in ECR, as a push would: the same execution input (trigger "
                + "source manual, by you) and the same execution name (service, tag, digest).",
                "A tag is resolved to its digest through ECR first."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the execution started", "1:it did not start (unknown service or image, already "
                + "deploying that image, AWS unreachable); the reason is printed", "2:bad usage"})
public final class Start extends AwsCommand {

    @Parameters(paramLabel = "SERVICE", description = "The service, as named in the configuration.")
    String service;

    @Option(names = "--image", required = true, paramLabel = "REPO:TAG|REPO@DIGEST",
            description = "The image to deploy, from the service's repository.")
    String image;

    @Option(names = "--approval", paramLabel = "auto|manual",
            description = "Approve this release automatically or wait for greenlight approve (default: the "
                    + "service's configuration).")
    ApprovalMode approval;

    @Option(names = "--reason", paramLabel = "TEXT",
            description = "Why, for the audit trail (default: manual start). Required with --override-alarms.")
    String reason;

    @Option(names = "--override-alarms",
            description = "Deploy although some of the service's alarms fire now; who (you) and why (--reason) "
                    + "are recorded in the execution input and so in its history.")
    boolean overrideAlarms;

    @Option(names = "--config", paramLabel = "FILE",
            description = "The configuration (default: the running twin's, else ./greenlight.json).")
    Path config;

    @Override
    protected void checkArguments() {
        Arguments.notBlank(spec, service, "SERVICE");
        Arguments.notBlank(spec, image, "IMAGE");
    }

    @Override
    protected int run(Aws aws, PrintWriter out) throws Exception {
        ServiceConfig entry = ConfigSource.service(ConfigSource.resolve(config, aws), service);
        release(aws, entry, service, image, approval, reason, overrideAlarms).forEach(out::println);
        return 0;
    }

    /**
     * Starts a release of a pushed image as {@code greenlight start} does, for the command and the console.
     *
     * @return what happened, a line each; a refusal is a {@link CliError} that says what to do
     */
    public static List<String> release(Aws aws, ServiceConfig configured, String service, String image,
            ApprovalMode approval, String reason, boolean overrideAlarms) {
        ServiceConfig entry = approval == null ? configured : configured.withApproval(approval);
        ImageReference reference = ImageReference.parse(image);
        if (!reference.repository().equals(entry.repository())) {
            throw new CliError("Service " + service + " deploys images of repository " + entry.repository()
                    + ", not " + reference.repository() + ". Pass --image " + entry.repository() + ":TAG.");
        }
        if (overrideAlarms && (reason == null || reason.isBlank())) {
            throw new CliError("--override-alarms needs --reason TEXT: say why this release may go out while "
                    + "alarms fire, for the audit trail.");
        }
        ImageRef pushed = resolve(aws, reference);
        String by = Caller.of(aws);
        String why = reason == null || reason.isBlank() ? "manual start" : reason;
        DeploymentInput input = new DeploymentInput(service, pushed, new DeploymentInput.Trigger("manual", by, why),
                entry, overrideAlarms ? new DeploymentInput.Override(new DeploymentInput.Decision(by, why)) : null);
        PipelineStart.Outcome outcome = PipelineStart.start(aws.sfn(), aws.stateMachineArn(), input);
        String name = outcome.executionName();
        if (!outcome.started()) {
            throw alreadyReleased(aws, name, entry.repository());
        }
        List<String> lines = new ArrayList<>();
        lines.add("Started " + name + ": " + service + " " + reference.repository() + ":" + pushed.tag() + " ("
                + pushed.digest() + "), manual start by " + by + " (" + Caller.SOURCE + "), approval "
                + entry.approval().mode() + ".");
        if (overrideAlarms) {
            lines.add("Firing alarms overridden by " + by + ": " + why + " (recorded in the input as "
                    + "override.alarmsFiring).");
        }
        lines.add("Follow it with: greenlight status " + name + " --watch");
        return lines;
    }

    /**
     * An image is released once, under the execution name its digest gives: say how that release went
     * and what to do now, which depends on whether it is still running, went out, or was rolled back.
     */
    private static CliError alreadyReleased(Aws aws, String name, String repository) {
        DescribeExecutionResponse earlier = aws.sfn().describeExecution(r -> r.executionArn(aws.executionArn(name)));
        String newTag = " under a new tag (on the twin: greenlight push SERVICE NEW_TAG; in AWS: docker push "
                + repository + ":NEW_TAG), which starts its own release.";
        return switch (earlier.status()) {
            case RUNNING -> new CliError("This image is being released right now by execution " + name
                    + ". Follow it with greenlight status " + name + " --watch.");
            case SUCCEEDED -> new CliError("This image was already released by execution " + name + ", which "
                    + "succeeded: it is what the service runs unless a later release replaced it. An image is "
                    + "released once; to release the same code again, push it" + newTag);
            default -> new CliError("This image was released once already, by execution " + name + ", which ended "
                    + earlier.statusAsString() + (earlier.error() == null ? "" : " with " + earlier.error())
                    + (earlier.status() == ExecutionStatus.FAILED ? " and was rolled back" : "")
                    + "; an image is released once, so it cannot be started again. See why with greenlight "
                    + "history " + name + ", then push the fixed image" + newTag);
        };
    }

    /** The tag and digest ECR holds for the reference: a tag alone is resolved, a digest named by its tag. */
    private static ImageRef resolve(Aws aws, ImageReference reference) {
        DescribeImagesResponse found;
        try {
            found = aws.ecr().describeImages(r -> r.repositoryName(reference.repository())
                    .imageIds(id -> id.imageTag(reference.digest() == null ? reference.tag() : null)
                            .imageDigest(reference.digest())));
        } catch (ImageNotFoundException | RepositoryNotFoundException e) {
            throw new CliError("ECR in " + aws.where() + " has no image " + reference + " (" + e.awsErrorDetails()
                    .errorMessage() + "). Push it first, or check the tag with aws ecr list-images --repository-name "
                    + reference.repository() + ".");
        }
        ImageDetail detail = found.imageDetails().get(0);
        String tag = reference.tag() != null ? reference.tag()
                : detail.imageTags().stream().findFirst().orElse(null);
        return new ImageRef(reference.repository(), tag, detail.imageDigest());
    }
}
