package dev.greenlight.cli.ops;

/**
 * Who runs a command, for the audit trail of starts and overrides. The CLI does not carry the AWS STS
 * client (and the twin serves no STS), so it is the operating-system user; {@link #SOURCE} says so
 * wherever the name is shown.
 */
final class Caller {

    static final String SOURCE = "your OS user";

    private Caller() {
    }

    static String name() {
        return System.getProperty("user.name");
    }
}
