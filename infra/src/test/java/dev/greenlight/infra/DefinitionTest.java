package dev.greenlight.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.workers.steps.Step;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;

class DefinitionTest {

    @Test
    void theRealDefinitionIsPresent_andTheTestsUseIt() {
        assumeTrue(Files.isRegularFile(Synthesis.REAL_DEFINITION), "statemachine/pipeline.asl.json is absent: "
                + "the infra tests ran on src/test/resources/stand-in-pipeline.asl.json");
        assertThat(Synthesis.definitionFile()).isEqualTo(Synthesis.REAL_DEFINITION);
    }

    @Test
    void theTemplatesDefinition_isTheFile_withEachPlaceholderBoundToItsWorkersLiveAlias() throws Exception {
        Synthesis.Synthesized app = Synthesis.of(Synthesis.TWO_SERVICES);
        String file = Files.readString(Synthesis.definitionFile());
        JsonNode machine = Templates.resources(app.pipeline(), "AWS::StepFunctions::StateMachine").get(0).getValue()
                .path("Properties");
        assertThat(machine.path("DefinitionString").asText()).isEqualTo(file);

        JsonNode substitutions = machine.path("DefinitionSubstitutions");
        assertThat(new TreeSet<>(Templates.JSON.convertValue(substitutions, Map.class).keySet()))
                .isEqualTo(PipelineStack.placeholders(file))
                .isEqualTo(Step.calledByStateMachine().stream().map(Step::substitution)
                        .collect(Collectors.toCollection(TreeSet::new)));
        JsonNode resources = Templates.json(app.pipeline()).path("Resources");
        for (Step worker : Step.calledByStateMachine()) {
            String alias = substitutions.path(worker.substitution()).path("Ref").asText();
            assertThat(resources.path(alias).path("Type").asText()).isEqualTo("AWS::Lambda::Alias");
            assertThat(resources.path(alias).path("Properties").path("FunctionName").path("Ref").asText())
                    .as(worker.substitution())
                    .isEqualTo(Templates.function(app.pipeline(), worker.handler()).getKey());
        }
        // After substitution, what Step Functions runs is the file with the aliases' ARNs in place.
        String deployed = substituted(machine.path("DefinitionString").asText());
        assertThat(Templates.JSON.readTree(deployed)).isEqualTo(Templates.JSON.readTree(substituted(file)));
        assertThat(deployed).doesNotContain("${");
    }

    /** The definition as Step Functions receives it, with an example ARN for each worker's alias. */
    static String substituted(String definition) {
        String result = definition;
        for (Step worker : Step.calledByStateMachine()) {
            result = result.replace("${" + worker.substitution() + "}",
                    "arn:aws:lambda:us-east-1:123456789012:function:greenlight-" + worker.id() + ":live");
        }
        return result;
    }

    @Test
    void aDefinitionThatNamesAnUnknownFunction_failsSynthesis(@TempDir Path dir) throws Exception {
        Path definition = dir.resolve("pipeline.asl.json");
        Files.writeString(definition, Files.readString(Synthesis.definitionFile())
                .replaceFirst("\\$\\{[A-Za-z]+Function}", "\\${DeployEverythingFunction}"));
        AppInputs inputs = AppInputs.load(Synthesis.TWO_SERVICES, definition, Synthesis.placeholderJar(), null);
        assertThatThrownBy(() -> Greenlight.build(new App(), inputs))
                .hasMessageContaining("pipeline.asl.json uses the substitutions [DeployEverythingFunction]");
    }
}
