package dev.greenlight.statemachine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
final class PipelineDefinition {

    static final Path FILE = Path.of("pipeline.asl.json");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}");

    /** The worker function names the twin registers, one per substitution. */
    static final Map<String, String> TWIN_FUNCTIONS = twinFunctions();

    private PipelineDefinition() {
    }

    static String raw() {
        try {
            return Files.readString(FILE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FILE.toAbsolutePath()
                    + " (run the tests from the statemachine module)", e);
        }
    }

    /** The definition with the twin's function names in place of the placeholders. */
    static String forTwin() {
        return substitute(raw(), TWIN_FUNCTIONS);
    }

    /** The placeholder names used in {@code definition}. */
    static Set<String> placeholders(String definition) {
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
    static String substitute(String definition, Map<String, String> values) {
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
        names.put("NotifyFunction", "greenlight-notify");
        names.put("VerifyImageFunction", "greenlight-verify-image");
        names.put("PreflightFunction", "greenlight-preflight");
        names.put("RegisterTaskDefinitionFunction", "greenlight-register-task-definition");
        names.put("StartDeploymentFunction", "greenlight-start-deployment");
        names.put("WatchDeploymentFunction", "greenlight-watch-deployment");
        names.put("RequestApprovalFunction", "greenlight-request-approval");
        names.put("PromoteFunction", "greenlight-promote");
        names.put("RollbackFunction", "greenlight-rollback");
        return Map.copyOf(names);
    }
}
