package dev.greenlight.local.aws.eventbridge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.local.asl.Json;
import dev.greenlight.local.asl.query.JsonPaths;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import software.amazon.awssdk.services.eventbridge.model.InputTransformer;
import software.amazon.awssdk.services.eventbridge.model.Target;

/**
 * The checks PutTargets makes of one target; a target that fails them is reported in
 * FailedEntries and not stored, while the others are.
 */
final class TargetCheck {

    static final int MAX_INPUT_PATHS = 100;
    private static final int MAX_INPUT = 8192;
    private static final int MAX_PATH = 256;
    private static final Set<String> ROLE_REQUIRED = Set.of("states", "kinesis", "ecs", "codebuild",
            "codepipeline");
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z0-9_\\-]+");

    private TargetCheck() {
    }

    /**
     * Targets EventBridge reaches only as the target's RoleArn ("Amazon EventBridge targets", EventBridge
     * User Guide: state machines, Kinesis streams, ECS tasks, CodeBuild projects, CodePipeline pipelines):
     * PutTargets refuses one without a role as a whole, with a ValidationException "RoleArn is required
     * for target ARN." (the wording its users quote; the API reference gives only the code), not
     * as a FailedEntries member.
     */
    static boolean needsRole(String targetArn) {
        String[] parts = targetArn.split(":", 6);
        return parts.length == 6 && ROLE_REQUIRED.contains(parts[2]);
    }

    /** The problem with the target, worded as AWS words it, or empty when it may be stored. */
    static Optional<String> problem(Target target) {
        if (!target.arn().startsWith("arn:")) {
            return Optional.of("Parameter " + target.arn() + " is not valid. Reason: Provided Arn is not in correct format.");
        }
        long inputs = Stream.of(target.input(), target.inputPath(), target.inputTransformer())
                .filter(field -> field != null).count();
        if (inputs > 1) {
            return Optional.of("Only one of Input, InputPath, or InputTransformer must be provided for target "
                    + target.id() + ".");
        }
        if (target.input() != null) {
            return inputProblem(target);
        }
        if (target.inputPath() != null) {
            return pathProblem(target.inputPath(), "InputPath for target " + target.id());
        }
        if (target.inputTransformer() != null) {
            return transformerProblem(target.id(), target.inputTransformer());
        }
        return Optional.empty();
    }

    private static Optional<String> inputProblem(Target target) {
        if (target.input().length() > MAX_INPUT || !isJson(target.input())) {
            return Optional.of("Input for target " + target.id() + " is not valid JSON text.");
        }
        return Optional.empty();
    }

    private static Optional<String> pathProblem(String path, String what) {
        if (path.length() > MAX_PATH || !JsonPaths.isValid(path)) {
            return Optional.of(what + " is not a valid JSON path.");
        }
        return Optional.empty();
    }

    private static Optional<String> transformerProblem(String id, InputTransformer transformer) {
        Map<String, String> paths = transformer.inputPathsMap();
        if (paths.size() > MAX_INPUT_PATHS) {
            return Optional.of("InputPathsMap for target " + id + " has more than " + MAX_INPUT_PATHS + " entries.");
        }
        for (Map.Entry<String, String> entry : paths.entrySet()) {
            String name = entry.getKey();
            if (!VARIABLE.matcher(name).matches() || name.length() > MAX_PATH || name.startsWith("AWS")) {
                return Optional.of("InputPathsMap key " + name + " for target " + id + " is not valid.");
            }
            Optional<String> path = pathProblem(entry.getValue(), "InputPathsMap value for key " + name);
            if (path.isPresent()) {
                return path;
            }
        }
        String template = transformer.inputTemplate();
        if (template == null || template.isEmpty() || template.length() > MAX_INPUT) {
            return Optional.of("InputTemplate for target " + id + " must be between 1 and " + MAX_INPUT + " characters.");
        }
        InputTemplate parsed = new InputTemplate(template);
        if (parsed.isJson() && !isJson(parsed.substitute(blanks(paths)))) {
            return Optional.of("InputTemplate for target " + id + " contains invalid JSON.");
        }
        return Optional.empty();
    }

    /** Every variable missing: a JSON template must give JSON whatever the event holds. */
    private static Map<String, JsonNode> blanks(Map<String, String> paths) {
        Map<String, JsonNode> variables = new HashMap<>();
        paths.keySet().forEach(name -> variables.put(name, null));
        InputTemplate.PREDEFINED.forEach(name -> variables.put(name, null));
        return variables;
    }

    private static boolean isJson(String text) {
        try {
            Json.MAPPER.readTree(text);
            return true;
        } catch (JsonProcessingException e) {
            return false;
        }
    }
}
