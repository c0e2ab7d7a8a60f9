package dev.greenlight.statemachine;

import dev.greenlight.workers.steps.Step;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code statemachine/pipeline.asl.json} and its definition substitutions: the CDK app replaces each
 * {@code ${XxxFunction}} with a Lambda ARN, the twin with a function name, as CloudFormation's
 * {@code DefinitionSubstitutions} do.
 */
public final class PipelineDefinition {

    /** On the classpath as in the repository: the build copies {@code statemachine/pipeline.asl.json}. */
    private static final String RESOURCE = "/pipeline.asl.json";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}");

    /** The worker function names the twin registers, one per substitution: the step catalogue's. */
    public static final Map<String, String> TWIN_FUNCTIONS = twinFunctions();

    private PipelineDefinition() {
    }

    public static String raw() {
        try (InputStream in = PipelineDefinition.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath: build the statemachine module");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** The definition with the twin's function names in place of the placeholders. */
    public static String forTwin() {
        return substitute(raw(), TWIN_FUNCTIONS);
    }

    /** The placeholder names used in {@code definition}. */
    public static Set<String> placeholders(String definition) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(definition);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /**
     * Replaces every {@code ${Name}} by its value.
     *
     * @throws IllegalArgumentException naming the placeholders {@code values} does not define
     */
    public static String substitute(String definition, Map<String, String> values) {
        Set<String> missing = new TreeSet<>(placeholders(definition));
        missing.removeAll(values.keySet());
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("no value for the definition substitution(s) " + missing
                    + ": pass one for each ${Name} in the definition");
        }
        Matcher matcher = PLACEHOLDER.matcher(definition);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(values.get(matcher.group(1))));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static Map<String, String> twinFunctions() {
        Map<String, String> names = new LinkedHashMap<>();
        Step.calledByStateMachine().forEach(step -> names.put(step.substitution(), step.twinFunction()));
        return Map.copyOf(names);
    }
}
