package dev.greenlight.infra;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;

/** The stacks of the app and the cdk-nag AwsSolutions checks over all of them. */
public final class Greenlight {

    public static final String PIPELINE_STACK = "Greenlight";
    public static final String DEMO_STACK = "GreenlightDemo";

    private Greenlight() {
    }

    public record Stacks(PipelineStack pipeline, DemoServiceStack demo) {
    }

    public static Stacks build(App app, AppInputs inputs) {
        Environment env = Environment.builder()
                .account(System.getenv("CDK_DEFAULT_ACCOUNT"))
                .region(System.getenv("CDK_DEFAULT_REGION"))
                .build();
        PipelineStack pipeline = new PipelineStack(app, PIPELINE_STACK,
                StackProps.builder().env(env).description("Greenlight: the blue/green deployment pipeline").build(),
                inputs);
        DemoServiceStack demo = inputs.demoService() == null ? null
                : new DemoServiceStack(app, DEMO_STACK, StackProps.builder().env(env)
                        .description("Greenlight demo: an ECS service ready for CodeDeploy blue/green").build(),
                        inputs.demoService(), inputs.config().service(inputs.demoService()));
        Aspects.of(app).add(AwsSolutionsChecks.Builder.create().verbose(true).build());
        return new Stacks(pipeline, demo);
    }
}
