package dev.greenlight.cli.aws;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * A command that talks to AWS or the twin: it owns the connection and turns a failed AWS call into
 * a sentence with a next step; the command's work is {@link #run}.
 */
public abstract class AwsCommand implements Callable<Integer> {

    @Mixin
    AwsOptions awsOptions;

    @Spec
    protected CommandSpec spec;

    @Override
    public final Integer call() throws Exception {
        checkArguments();
        try (Aws aws = awsOptions.connect()) {
            try {
                return run(aws, spec.commandLine().getOut());
            } catch (SdkException e) {
                throw aws.explain(e);
            } finally {
                spec.commandLine().getOut().flush();
            }
        }
    }

    /** Refuses arguments that are bad usage (exit 2) before anything is called; none by default. */
    protected void checkArguments() {
    }

    /** @return the exit code */
    protected abstract int run(Aws aws, PrintWriter out) throws Exception;
}
