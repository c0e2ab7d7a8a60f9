package dev.greenlight.infra;

import software.amazon.awscdk.App;

/** {@code cdk synth}: the pipeline stack, and the demo service's stack when its service is configured. */
public final class GreenlightApp {

    private GreenlightApp() {
    }

    public static void main(String[] args) {
        App app = new App();
        Greenlight.build(app, AppInputs.fromContext(app));
        app.synth();
    }
}
