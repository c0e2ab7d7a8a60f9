package dev.greenlight.local.aws.iam.policy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The independent evaluator: {@code @cloud-copilot/iam-simulate}, as local/iam-simulate/package.json
 * pins it (scripts/test-tools runs npm ci there), run once for a whole batch by
 * local/iam-simulate/evaluate.js.
 */
final class IamSimulate {

    static final Path DIRECTORY = Path.of("iam-simulate");
    private static final ObjectMapper JSON = new ObjectMapper();

    private IamSimulate() {
    }

    static boolean installed() {
        return Files.isDirectory(DIRECTORY.resolve("node_modules/@cloud-copilot/iam-simulate"));
    }

    /** One answer per case: Allowed, ExplicitlyDenied, ImplicitlyDenied, or "error: ..." for a case it refused. */
    static List<String> evaluate(List<GeneratedCase> cases) throws IOException, InterruptedException {
        Path input = Files.createTempFile("iam-cases", ".json");
        Path output = Files.createTempFile("iam-answers", ".json");
        try {
            JSON.writeValue(input.toFile(), cases);
            Process node = new ProcessBuilder("node", "evaluate.js", input.toAbsolutePath().toString())
                    .directory(DIRECTORY.toFile()).redirectOutput(output.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            if (!node.waitFor(120, TimeUnit.SECONDS)) {
                node.destroyForcibly();
                throw new IllegalStateException("iam-simulate did not answer within 120 s");
            }
            if (node.exitValue() != 0) {
                throw new IllegalStateException("iam-simulate exited with " + node.exitValue());
            }
            return List.of(JSON.readValue(output.toFile(), String[].class));
        } finally {
            Files.deleteIfExists(input);
            Files.deleteIfExists(output);
        }
    }
}
