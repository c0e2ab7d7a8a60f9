package dev.greenlight.cli.demo;

import java.util.Map;

/**
 * The step of a release a person follows (canary, bake, approval, promote, rollback), from the state the
 * pipeline is in: each of those steps is a loop of states (watch, verdict, wait, synthetic load, pause)
 * that the execution goes round every few seconds; any other state is a step of its own.
 */
final class PipelineStep {

    private static final Map<String, String> LOOPS = loops();

    private PipelineStep() {
    }

    static String of(String state) {
        return LOOPS.getOrDefault(state, state);
    }

    /** The states of pipeline.asl.json's polling loops, by the step they serve. */
    static Map<String, String> loops() {
        Map<String, String> loops = new java.util.HashMap<>();
        for (String state : new String[] {"WatchCanary", "CanaryVerdict", "WaitCanary", "DriveSyntheticLoadCanary",
                "PauseCanary"}) {
            loops.put(state, "canary");
        }
        for (String state : new String[] {"StartBake", "WatchBake", "BakeVerdict", "WaitBake", "DriveSyntheticLoadBake",
                "PauseBake"}) {
            loops.put(state, "bake");
        }
        for (String state : new String[] {"ComputeApprovalTimeout", "AwaitApproval", "RequestApproval",
                "ApprovalDecision", "WatchDuringApproval", "ApprovalWatchVerdict", "WaitDuringApproval",
                "DriveSyntheticLoadDuringApproval", "PauseDuringApproval"}) {
            loops.put(state, "approval");
        }
        for (String state : new String[] {"Promote", "WatchPromote", "PromoteVerdict", "WaitPromoted"}) {
            loops.put(state, "promote");
        }
        for (String state : new String[] {"Rollback", "RollbackAction", "TrackRedeployment", "TrackStoppedDeployment",
                "WatchRollback", "RollbackProgress", "WaitRolledBack"}) {
            loops.put(state, "rollback");
        }
        return Map.copyOf(loops);
    }
}
