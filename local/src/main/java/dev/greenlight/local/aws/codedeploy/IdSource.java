package dev.greenlight.local.aws.codedeploy;

import java.util.Random;
import java.util.UUID;

/** CodeDeploy's identifiers, from a seeded generator so that a run in virtual time repeats exactly. */
final class IdSource {

    private static final String DEPLOYMENT_ID_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private final Random random;

    IdSource(long seed) {
        this.random = new Random(seed);
    }

    /** {@code d-} and nine upper-case letters or digits, as CodeDeploy's deployment ids. */
    String deploymentId() {
        StringBuilder id = new StringBuilder("d-");
        for (int i = 0; i < 9; i++) {
            id.append(DEPLOYMENT_ID_CHARS.charAt(random.nextInt(DEPLOYMENT_ID_CHARS.length())));
        }
        return id.toString();
    }

    static boolean isDeploymentId(String id) {
        return id.matches("d-[A-Z0-9]{9}");
    }

    String uuid() {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }
}
