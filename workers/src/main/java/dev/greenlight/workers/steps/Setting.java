package dev.greenlight.workers.steps;

/** An environment variable a step's function reads, set by whoever deploys it (the CDK app, the twin). */
public enum Setting {
    /** The configuration file's JSON, for steps that find a service from an event rather than an input. */
    GREENLIGHT_CONFIG,
    /** The smoke-test hook's function name or ARN, which a deployment names as its hook. */
    SMOKE_TEST_FUNCTION,
    /** The ECS lifecycle hook's function ARN, which an ECS deployment names at two stages. */
    ECS_HOOK_FUNCTION,
    /** The role Amazon ECS invokes the lifecycle hook with. */
    ECS_HOOK_ROLE_ARN,
    /** The pipeline's state machine, which the trigger starts. */
    STATE_MACHINE_ARN
}
