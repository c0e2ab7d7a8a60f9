package dev.greenlight.cli.ops;

import dev.greenlight.cli.Arguments;
import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.cli.CliError;
import dev.greenlight.cli.aws.Aws;
import dev.greenlight.cli.aws.AwsCommand;
import dev.greenlight.cli.aws.TwinAddress;
import dev.greenlight.local.fleet.AppProfile;
import dev.greenlight.workers.config.ServiceConfig;
import dev.greenlight.workers.core.Worker;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code greenlight push}: an image of the sample app pushed into the twin's ECR, which starts the
 * pipeline through EventBridge exactly as a {@code docker push} does in AWS.
 */
@Command(name = "push", mixinStandardHelpOptions = true,
        description = {"Twin only: push an image of the sample app to the service's repository in the twin's ECR. "
                + "ECR's push event starts the pipeline through EventBridge, as in AWS (where you would docker push).",
                "The profile decides how the app behaves: healthy, errors[:SHARE] (answers 500 to a share of "
                        + "requests, 0.25 by default), slow[:MILLIS], unhealthy (fails its health check), crash."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:pushed", "1:not pushed (unknown profile, no twin running, unknown service, tag already used); the "
                + "reason is printed", "2:bad usage"})
public final class Push extends AwsCommand {

    @Parameters(index = "0", paramLabel = "SERVICE", description = "The service, as named in the twin's configuration.")
    String service;

    @Parameters(index = "1", paramLabel = "TAG", description = "The new image's tag (tags are immutable).")
    String tag;

    @Option(names = "--profile", defaultValue = "healthy", paramLabel = "PROFILE",
            description = "healthy|errors[:SHARE]|slow[:MILLIS]|unhealthy|crash (default ${DEFAULT-VALUE}).")
    String profile;

    @Override
    protected void checkArguments() {
        Arguments.notBlank(spec, service, "SERVICE");
        Arguments.notBlank(spec, tag, "TAG");
    }

    @Override
    protected int run(Aws aws, PrintWriter out) throws Exception {
        try {
            AppProfile.named(profile, tag);
        } catch (IllegalArgumentException e) {
            throw new CliError("Nothing pushed: --profile " + profile + " is not an app profile: " + e.getMessage()
                    + ". For example: --profile errors:0.5");
        }
        TwinAddress twin = aws.twin().orElseThrow(() -> new CliError("greenlight push works only against the local "
                + "twin, and none is running. Start it with greenlight local up; in AWS, push with docker push."));
        if (twin.config() == null) {
            throw new CliError("The twin runs without a pipeline (local up --empty). Restart it without --empty.");
        }
        ServiceConfig entry = ConfigSource.service(twin.config(), service);
        JsonNode answer = post(twin, Map.of("repository", entry.repository(), "tag", tag, "profile", profile));
        out.println("Pushed " + entry.repository() + ":" + tag + " (" + profile + "): "
                + answer.path("imageUri").asText());
        out.println("ECR's push event starts the pipeline through EventBridge. Follow it with: greenlight status --watch");
        return 0;
    }

    private static JsonNode post(TwinAddress twin, Map<String, String> push) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(twin.pushUrl())).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Worker.JSON.writeValueAsString(push))).build();
        HttpResponse<String> response;
        try {
            response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new CliError("Cannot reach the twin's push endpoint " + twin.pushUrl() + " (" + e + "). Is the "
                    + "twin still running? Start it with greenlight local up.");
        }
        JsonNode body = Worker.JSON.readTree(response.body());
        if (response.statusCode() != 200) {
            throw new CliError("The twin's ECR refused the push: " + body.path("message").asText() + ". Use a new "
                    + "tag (tags are immutable), or check the service's repository.");
        }
        return body;
    }
}
