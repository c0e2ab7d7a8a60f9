package dev.greenlight.local.aws.stepfunctions;

import dev.greenlight.local.asl.parse.DefinitionParser;
import dev.greenlight.local.asl.parse.Problem;
import java.util.List;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionDiagnostic;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionResponse;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionResultCode;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionSeverity;

/**
 * ValidateStateMachineDefinition: the parser's problems as ERROR diagnostics, at most maxResults of
 * them (100 when 0 or absent), {@code truncated} when some were left out. The result is FAIL
 * whenever there is an error, shown or not.
 */
final class DefinitionDiagnostics {

    static final int DEFAULT_MAX = 100;

    private DefinitionDiagnostics() {
    }

    static ValidateStateMachineDefinitionResponse validate(String definition,
            dev.greenlight.local.asl.component.StateMachineType type, Integer maxResults) {
        List<Problem> problems = DefinitionParser.validate(definition, type);
        int max = maxResults == null || maxResults == 0 ? DEFAULT_MAX : maxResults;
        if (max < 0 || max > DEFAULT_MAX) {
            throw SfnErrors.validation(String.valueOf(maxResults), "maxResults",
                    "Member must have value less than or equal to 100");
        }
        return ValidateStateMachineDefinitionResponse.builder()
                .result(problems.isEmpty() ? ValidateStateMachineDefinitionResultCode.OK
                        : ValidateStateMachineDefinitionResultCode.FAIL)
                .diagnostics(problems.stream().limit(max).map(DefinitionDiagnostics::diagnostic).toList())
                .truncated(problems.size() > max)
                .build();
    }

    private static ValidateStateMachineDefinitionDiagnostic diagnostic(Problem problem) {
        return ValidateStateMachineDefinitionDiagnostic.builder()
                .severity(ValidateStateMachineDefinitionSeverity.ERROR)
                .code(problem.code())
                .message(problem.message())
                .location(problem.location())
                .build();
    }
}
