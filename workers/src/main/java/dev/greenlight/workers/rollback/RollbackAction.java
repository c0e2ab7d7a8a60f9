package dev.greenlight.workers.rollback;

/** What Rollback did to get production back on the previous version. */
public enum RollbackAction {
    /** The deployment was still running: stopped, and CodeDeploy rolls traffic back to blue. */
    STOPPED,
    /** Blue was gone (or never rolled back to): the previous task definition deployed anew. */
    REDEPLOYED,
    /** Nothing was deployed, or CodeDeploy already rolled back on its own. */
    NOTHING_TO_DO
}
