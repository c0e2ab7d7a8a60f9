package dev.greenlight.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The synthesized app through the tools users and CI run: cfn-lint, asl-validator and the CDK CLI. */
class ToolsTest {

    /** The CDK CLI must not reach the network: any attempt goes to a closed port on this machine. */
    private static final Map<String, String> OFFLINE = Map.of("HTTPS_PROXY", "http://127.0.0.1:9",
            "HTTP_PROXY", "http://127.0.0.1:9", "https_proxy", "http://127.0.0.1:9", "http_proxy", "http://127.0.0.1:9",
            "NO_PROXY", "", "no_proxy", "");

    @Test
    void cfnLint_passesOnBothTemplates() {
        RequiredTool.assume(Tools.onPath("cfn-lint"), "cfn-lint is not installed (pip install cfn-lint): the synthesized "
                + "templates were NOT linted");
        Path outdir = Synthesis.of(Synthesis.TWO_SERVICES).outdir();
        // W3005: CDK puts a role in DependsOn although a GetAtt already orders it; harmless, and CDK's to change.
        Tools.Result lint = Tools.run(outdir, Map.of(), 300, "cfn-lint", "--ignore-checks", "W3005", "--",
                "Greenlight.template.json", "GreenlightDemo.template.json");
        assertThat(lint.exitCode()).as(lint.output()).isZero();
    }

    /** The demo stack's ECS-native blue/green service (and the pipeline stack that deploys it). */
    @Test
    void cfnLint_passesOnBothTemplates_withTheServiceOnEcsBlueGreen() {
        RequiredTool.assume(Tools.onPath("cfn-lint"), "cfn-lint is not installed (pip install cfn-lint): the synthesized "
                + "ECS templates were NOT linted");
        Path outdir = Synthesis.of(Synthesis.ORDERS_ON_ECS).outdir();
        Tools.Result lint = Tools.run(outdir, Map.of(), 300, "cfn-lint", "--ignore-checks", "W3005", "--",
                "Greenlight.template.json", "GreenlightDemo.template.json");
        assertThat(lint.exitCode()).as(lint.output()).isZero();
    }

    @Test
    void aslValidator_acceptsTheDefinitionAfterSubstitution_andRefusesABrokenOne(@TempDir Path dir) throws Exception {
        RequiredTool.assume(Tools.npmPackages(), "npm is not installed: the definition was NOT checked with asl-validator");
        Path definition = dir.resolve("pipeline.asl.json");
        Files.writeString(definition, DefinitionTest.substituted(Files.readString(Synthesis.definitionFile())));
        Tools.Result valid = Tools.run(Tools.INFRA, Map.of(), 120, "node_modules/.bin/asl-validator",
                "--json-path", definition.toString());
        assertThat(valid.exitCode()).as(valid.output()).isZero();

        JsonNode broken = Templates.JSON.readTree(definition.toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken).put("StartAt", "NoSuchState");
        Path bad = dir.resolve("broken.asl.json");
        Templates.JSON.writeValue(bad.toFile(), broken);
        Tools.Result invalid = Tools.run(Tools.INFRA, Map.of(), 120, "node_modules/.bin/asl-validator",
                "--json-path", bad.toString());
        assertThat(invalid.exitCode()).as(invalid.output()).isNotZero();
    }

    @Test
    void theCdkCliAndAslValidator_arePinnedExactly_andTheCliNeitherPrintsNoticesNorCollectsTelemetry() throws Exception {
        JsonNode pkg = Templates.JSON.readTree(Tools.INFRA.resolve("package.json").toFile());
        assertThat(pkg.path("devDependencies").path("aws-cdk").asText()).isEqualTo("2.1148.1");
        assertThat(pkg.path("devDependencies").path("asl-validator").asText()).isEqualTo("4.0.0");
        JsonNode lock = Templates.JSON.readTree(Tools.INFRA.resolve("package-lock.json").toFile());
        assertThat(lock.path("packages").path("node_modules/aws-cdk").path("version").asText()).isEqualTo("2.1148.1");
        JsonNode cdkJson = Templates.JSON.readTree(Tools.INFRA.resolve("cdk.json").toFile());
        assertThat(cdkJson.path("notices").asBoolean(true)).isFalse();
        // The CLI reads cli-telemetry from the context, not from the top level of cdk.json.
        assertThat(cdkJson.path("context").path("cli-telemetry").isBoolean()).isTrue();
        assertThat(cdkJson.path("context").path("cli-telemetry").asBoolean(true)).isFalse();

        RequiredTool.assume(Tools.npmPackages(), "npm is not installed: the CDK CLI was NOT run");
        Tools.Result status = Tools.run(Tools.INFRA, OFFLINE, 120, "node_modules/.bin/cdk", "cli-telemetry",
                "--status");
        assertThat(status.output()).as(status.output()).contains("CLI Telemetry is disabled");
        Tools.Result script = Tools.run(Tools.INFRA, OFFLINE, 120, "../scripts/cdk", "--version");
        assertThat(script.output()).as(script.output()).startsWith("2.1148.1");
    }

    @Test
    void cdkSynth_runsTheAppOffline_withoutNotices(@TempDir Path out) throws Exception {
        RequiredTool.assume(Tools.npmPackages(), "npm is not installed: `cdk synth` was NOT run");
        // cdk.json's own app command first packages the modules with Maven; here the tests' build already
        // compiled them, so the CLI runs the same main class on the same classpath directly.
        String classpath = "target/classes:" + Files.readString(Tools.INFRA.resolve("target/classpath.txt")).trim();
        Tools.Result synth = Tools.run(Tools.INFRA, OFFLINE, 300, "node_modules/.bin/cdk", "synth", "--quiet",
                "--app", "java -cp " + classpath + " dev.greenlight.infra.GreenlightApp",
                "-c", "greenlight:workersJar=" + Synthesis.placeholderJar(),
                "-c", "greenlight:definition=" + Synthesis.definitionFile(),
                "-o", out.toString());
        assertThat(synth.exitCode()).as(synth.output()).isZero();
        assertThat(synth.output()).doesNotContainIgnoringCase("NOTICES").doesNotContain("WARNING")
                .doesNotContain("telemetry");
        assertThat(out.resolve("Greenlight.template.json")).exists();
        assertThat(out.resolve("GreenlightDemo.template.json")).exists();
    }

    @Test
    void cdkSynth_ofABrokenConfigurationFile_failsWithTheLoadersMessage(@TempDir Path dir) throws Exception {
        RequiredTool.assume(Tools.npmPackages(), "npm is not installed: `cdk synth` was NOT run");
        Path config = dir.resolve("greenlight.json");
        Files.writeString(config, Files.readString(Synthesis.EXAMPLE_CONFIG).replace("\"percent\": 10",
                "\"percent\": 150"));
        String classpath = "target/classes:" + Files.readString(Tools.INFRA.resolve("target/classpath.txt")).trim();
        Tools.Result synth = Tools.run(Tools.INFRA, OFFLINE, 300, "node_modules/.bin/cdk", "synth", "--quiet",
                "--app", "java -cp " + classpath + " dev.greenlight.infra.GreenlightApp",
                "-c", "greenlight:config=" + config,
                "-c", "greenlight:workersJar=" + Synthesis.placeholderJar(),
                "-c", "greenlight:definition=" + Synthesis.definitionFile(),
                "-o", dir.resolve("out").toString());
        assertThat(synth.exitCode()).isNotZero();
        assertThat(synth.output()).contains("services.orders.canary.percent: must be a whole number from 1 to 99, "
                + "got 150");
    }
}
