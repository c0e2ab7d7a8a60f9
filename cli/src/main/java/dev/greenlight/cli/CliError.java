package dev.greenlight.cli;

/** A failure the user can act on: one or more sentences that end with the next step. Exit code 1. */
public final class CliError extends RuntimeException {

    public CliError(String sentences) {
        super(sentences);
    }
}
