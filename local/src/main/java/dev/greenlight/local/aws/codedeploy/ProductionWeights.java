package dev.greenlight.local.aws.codedeploy;

/** The production listener's weighted forward: original (blue) and replacement (green) in percent. */
public record ProductionWeights(String originalTargetGroup, int originalPercent, String replacementTargetGroup,
        int replacementPercent) {

    public ProductionWeights {
        if (originalPercent < 0 || replacementPercent < 0 || originalPercent + replacementPercent != 100) {
            throw new IllegalArgumentException("weights must be non-negative and sum to 100: "
                    + originalPercent + "/" + replacementPercent);
        }
    }
}
