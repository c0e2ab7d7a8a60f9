package dev.greenlight.cli.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.greenlight.local.asl.Json;
import dev.greenlight.local.asl.component.StateMachineType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code greenlight asl run}: one execution from files, or many from JSON lines on stdin
 * ({@code --jsonl}), each answered with one JSON object on stdout.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run a definition on the local engine, in virtual time unless --real-time.",
                "Prints {\"status\", \"output\", \"error\", \"cause\"} as one JSON line. status is SUCCEEDED, FAILED, "
                        + "TIMED_OUT, ABORTED, INVALID_DEFINITION, or INVALID_REQUEST (unreadable input or mock "
                        + "configuration). Exit 0 whenever a result is printed."})
public final class AslRun implements Callable<Integer> {

    @Option(names = "--definition", paramLabel = "FILE", description = "The definition (JSON).")
    Path definition;

    @Option(names = "--input", paramLabel = "FILE", description = "The execution input (JSON); default {}.")
    Path input;

    @Option(names = "--type", paramLabel = "STANDARD|EXPRESS", defaultValue = "STANDARD",
            description = "The workflow type (default ${DEFAULT-VALUE}).")
    StateMachineType type;

    @Option(names = "--name", paramLabel = "NAME",
            description = "The execution's name (default: a UUID, as StartExecution gives).")
    String name;

    @Option(names = "--state-machine-name", paramLabel = "NAME", defaultValue = RunRequest.DEFAULT_STATE_MACHINE,
            description = "The state machine's name, in $$.StateMachine and the execution's ARN "
                    + "(default ${DEFAULT-VALUE}).")
    String stateMachineName;

    @Option(names = "--mock-config", paramLabel = "FILE",
            description = "A Step Functions Local mock configuration (MockConfigFile.json format).")
    Path mockConfig;

    @Option(names = "--test-case", paramLabel = "NAME", description = "The mock configuration's test case.")
    String testCase;

    @Option(names = "--s3-dir", paramLabel = "DIR",
            description = "A directory standing in for S3: each sub-directory a bucket, each file below it an object "
                    + "(ItemReader, ResultWriter, s3:getObject/putObject tasks); objects the run writes are written "
                    + "back as files.")
    Path s3Dir;

    @Option(names = "--real-time", description = "Wait in real time instead of virtual time.")
    boolean realTime;

    @Option(names = "--history", description = "Add the execution history as GetExecutionHistory shows it.")
    boolean history;

    @Option(names = "--jsonl", description = "Read one request per line on stdin: {\"id\", \"definition\", "
            + "\"input\", \"type\"?, \"mockConfig\"?, \"testCase\"?, \"name\"?, \"stateMachineName\"?}; write one result per line with the same id.")
    boolean jsonl;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        if (jsonl) {
            JsonLines.run(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), out,
                    realTime, history);
            return 0;
        }
        if (definition == null) {
            spec.commandLine().getErr().println("Missing --definition FILE (or use --jsonl to read requests from "
                    + "stdin). See: greenlight asl run --help");
            return 2;
        }
        out.println(Json.write(runFromFiles()));
        out.flush();
        return 0;
    }

    private ObjectNode runFromFiles() throws InterruptedException {
        String definitionText;
        JsonNode inputJson;
        JsonNode mock;
        try {
            definitionText = read(definition, "definition");
            inputJson = input == null ? Json.NODES.objectNode() : parse(read(input, "input"), "input");
            mock = mockConfig == null ? null : parse(read(mockConfig, "mock configuration"), "mock configuration");
        } catch (IllegalArgumentException e) {
            return AslRunner.invalidRequest(e.getMessage());
        }
        return AslRunner.run(new RunRequest(definitionText, inputJson, type, mock, testCase, realTime, history,
                name, stateMachineName, s3Dir));
    }

    private static String read(Path file, String what) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the " + what + " file " + file + " ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    static JsonNode parse(String text, String what) {
        try {
            return Json.parse(text);
        } catch (UncheckedIOException e) {
            throw new IllegalArgumentException("the " + what + " is not valid JSON: "
                    + e.getCause().getMessage().lines().findFirst().orElse(""));
        }
    }
}
