package dev.greenlight.cli.rehearsal;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The Greenlight checkout the CLI runs from (scripts/greenlight runs cli/target/greenlight.jar): its
 * CDK app in infra/, the pinned CDK CLI in infra/node_modules, greenlight.json and the workers' jar.
 * The system property {@code greenlight.checkout} names another one.
 *
 * @param root the directory holding infra/cdk.json
 */
public record Checkout(Path root) {

    public static Optional<Checkout> find() {
        String named = System.getProperty("greenlight.checkout");
        if (named != null) {
            return Optional.of(new Checkout(Path.of(named).toAbsolutePath().normalize()));
        }
        return Stream.of(codeLocation(), Path.of("").toAbsolutePath())
                .flatMap(start -> Stream.iterate(start, dir -> dir != null, Path::getParent))
                .filter(dir -> Files.isRegularFile(dir.resolve("infra/cdk.json")))
                .findFirst().map(Checkout::new);
    }

    /**
     * What keeps {@code option} from deploying the CDK app of the checkout {@link #find()} found, as one
     * line with the way out; empty when nothing does.
     */
    public static Optional<String> problem(Optional<Checkout> found, String option) {
        return found.isEmpty() ? Optional.of(option + " runs the CDK app of a Greenlight checkout, and this "
                + "greenlight is not in one: run it as scripts/greenlight from the checkout.") : found.get().problem();
    }

    private static Path codeLocation() {
        try {
            return Path.of(Checkout.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath();
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return Path.of("").toAbsolutePath();
        }
    }

    Path infra() {
        return root.resolve("infra");
    }

    Path cdk() {
        return infra().resolve("node_modules/.bin/cdk");
    }

    public Path config() {
        return root.resolve("greenlight.json");
    }

    /**
     * What keeps the CDK CLI from deploying the app, as one line with the command that mends it;
     * empty when nothing does.
     */
    public Optional<String> problem() {
        if (!onPath("node")) {
            return Optional.of("Node.js is not installed: the CDK CLI needs Node.js 20 or later (https://nodejs.org; "
                    + "scripts/test-tools installs it on Debian or Ubuntu).");
        }
        if (!Files.isExecutable(cdk())) {
            return Optional.of("The pinned CDK CLI is not installed in " + infra() + ": run `npm ci` there (or "
                    + "scripts/test-tools).");
        }
        if (!Files.isRegularFile(infra().resolve("target/classpath.txt"))
                || !Files.isDirectory(infra().resolve("target/classes/dev/greenlight/infra"))
                || !Files.isRegularFile(root.resolve("workers/target/greenlight-workers.jar"))) {
            return Optional.of("The CDK app or the workers' jar is not built: run `mvn -q -pl infra -am package "
                    + "-DskipTests` in " + root + ".");
        }
        return Optional.empty();
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(java.io.File.pathSeparator))
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, tool)));
    }
}
