package dev.greenlight.cli.iam;

import dev.greenlight.cli.CliError;
import dev.greenlight.cli.aws.Aws;
import dev.greenlight.cli.aws.AwsCommand;
import dev.greenlight.local.aws.iam.usage.LeastPrivilegeReport;
import dev.greenlight.local.aws.iam.usage.RoleUsageLog;
import dev.greenlight.local.twin.LocalTwin;
import dev.greenlight.workers.core.Worker;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.Role;

/**
 * {@code greenlight iam report}: per role, the actions its policies grant (with their resources), those
 * the twin saw it use since it started (with the resources), and those never used. Granted comes from
 * IAM's API (inline and attached policies); used from the record the twin keeps of every call it
 * checked for a role session ({@code GET /_greenlight/iam-usage}), which AWS has no API for.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Per IAM role on the twin: the actions granted (with their resources), those used since the "
                + "twin started (with the resources), and those never used. Run it after a release to see what "
                + "each role needed."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the report was printed", "1:not a twin, or the twin is unreachable; the reason is printed",
                "2:bad usage"})
public final class IamReport extends AwsCommand {

    @Option(names = "--role", paramLabel = "TEXT",
            description = "Only the roles whose name contains TEXT (default: every role).")
    String role;

    @Option(names = "--json", description = "Print the report as one JSON object: {\"roles\": [{\"role\", "
            + "\"granted\": {action: [resources]}, \"used\": {action: [resources]}, \"neverUsed\": [{\"action\"}]}]}.")
    boolean json;

    @Override
    protected int run(Aws aws, PrintWriter out) throws Exception {
        URI endpoint = aws.twinEndpoint().orElseThrow(() -> new CliError("The record of what each role used is "
                + "the local twin's, and these calls go to " + aws.where() + ". Start the twin with greenlight "
                + "local up, or pass --endpoint-url of a running twin; in AWS, IAM's last-accessed information "
                + "(aws iam generate-service-last-accessed-details) is the nearest."));
        Map<String, List<String>> policies = policies(aws.iam());
        LeastPrivilegeReport report = LeastPrivilegeReport.of(policies, RoleUsageLog.allowedIn(usage(endpoint)),
                Map.of());
        if (json) {
            out.println(Worker.JSON.writeValueAsString(report.json()));
        } else if (policies.isEmpty()) {
            out.println("No IAM role" + (role == null ? "" : " named like '" + role + "'") + " on " + aws.where()
                    + ". Deploy the pipeline's stacks, or create roles, then run this again.");
        } else {
            out.print(report.table());
        }
        return 0;
    }

    /** Each role's inline policies, then its attached policies' default versions, as documents. */
    private Map<String, List<String>> policies(IamClient iam) {
        Map<String, List<String>> policies = new TreeMap<>();
        for (Role each : iam.listRolesPaginator(r -> { }).roles()) {
            String name = each.roleName();
            if (role != null && !name.contains(role)) {
                continue;
            }
            List<String> documents = new ArrayList<>();
            for (String inline : iam.listRolePoliciesPaginator(r -> r.roleName(name)).policyNames()) {
                documents.add(decoded(iam.getRolePolicy(r -> r.roleName(name).policyName(inline)).policyDocument()));
            }
            for (AttachedPolicy attached : iam.listAttachedRolePoliciesPaginator(r -> r.roleName(name))
                    .attachedPolicies()) {
                String version = iam.getPolicy(r -> r.policyArn(attached.policyArn())).policy().defaultVersionId();
                documents.add(decoded(iam.getPolicyVersion(r -> r.policyArn(attached.policyArn()).versionId(version))
                        .policyVersion().document()));
            }
            policies.put(name, documents);
        }
        return policies;
    }

    /** IAM answers policy documents URL-encoded (RFC 3986). */
    private static String decoded(String document) {
        return URLDecoder.decode(document.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private String usage(URI endpoint) throws InterruptedException {
        URI page = endpoint.resolve(LocalTwin.IAM_USAGE_PATH);
        try {
            // HTTP/1.1: the gateway serves plain HTTP, and an h2c upgrade request would wait out the timeout.
            HttpResponse<String> answer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build()
                    .send(HttpRequest.newBuilder(page).timeout(Duration.ofSeconds(30)).GET().build(),
                            HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new CliError(endpoint + " is not a Greenlight twin that records IAM use (" + page + " answered "
                        + answer.statusCode() + "). Point --endpoint-url at a twin started by greenlight local up.");
            }
            return answer.body();
        } catch (IOException e) {
            throw new CliError("Cannot reach " + page + " (" + e.getMessage() + "). Is the twin running? Start it "
                    + "with greenlight local up.");
        }
    }
}
