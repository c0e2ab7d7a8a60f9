package dev.greenlight.cli.asl;

import dev.greenlight.local.asl.component.StateMachineType;
import dev.greenlight.local.asl.parse.DefinitionParser;
import dev.greenlight.local.asl.parse.Problem;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code greenlight asl validate FILE...}: each problem on a line, exit 1 when there is any. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check definitions as CreateStateMachine does. Prints each problem on a line as "
                + "FILE: CODE: message at /location; exit 0 when all are valid, 1 otherwise.")
public final class AslValidate implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Definition files (JSON).")
    List<Path> files;

    @Option(names = "--type", paramLabel = "STANDARD|EXPRESS", defaultValue = "STANDARD",
            description = "Validate for this workflow type (default ${DEFAULT-VALUE}).")
    StateMachineType type;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        int invalid = 0;
        for (Path file : files) {
            List<String> problems = problems(file, type);
            problems.forEach(problem -> out.println(file + ": " + problem));
            if (!problems.isEmpty()) {
                invalid++;
            }
        }
        out.flush();
        return invalid == 0 ? 0 : 1;
    }

    private static List<String> problems(Path file, StateMachineType type) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            return List.of("cannot read the file (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
        return DefinitionParser.validate(text, type).stream().map(Problem::toString).toList();
    }
}
