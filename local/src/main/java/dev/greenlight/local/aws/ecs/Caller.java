package dev.greenlight.local.aws.ecs;

/**
 * Who calls the twin. Task sets of a CODE_DEPLOY service are CodeDeploy's to manage: AWS lets
 * its service principal do what it refuses to the account's own callers.
 */
enum Caller {
    ACCOUNT,
    CODE_DEPLOY
}
