package dev.greenlight.local.asl.task;

import com.fasterxml.jackson.databind.JsonNode;

/** A service behind {@code arn:aws:states:::aws-sdk:SERVICE:ACTION}: the action's request in, its response out. */
public interface AwsSdkService {

    /** The prefix of its error names, as Step Functions spells it ({@code Ecs}, {@code CodeDeploy}). */
    String errorPrefix();

    /** @throws ServiceError with AWS's error code */
    JsonNode call(String action, JsonNode request);

    /** A service's own error: the Task fails with {@code <prefix>.<code>}. */
    final class ServiceError extends RuntimeException {
        private final String code;

        public ServiceError(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }
}
