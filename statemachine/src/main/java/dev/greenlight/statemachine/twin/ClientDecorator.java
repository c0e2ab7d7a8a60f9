package dev.greenlight.statemachine.twin;

/**
 * Wraps an SDK client before a worker function on the twin receives it, so tests can put faults
 * (throttling, crashes) between the real workers and the service twins without changing either.
 */
public interface ClientDecorator {

    /** Hands every worker the twins' own clients. */
    ClientDecorator NONE = new ClientDecorator() {
        @Override
        public <C> C decorate(String function, Class<C> clientType, C client) {
            return client;
        }
    };

    /**
     * @param function   the Lambda function the client is for ({@link PipelineOnTwin#SMOKE_TEST_FUNCTION}, a
     *                   name of {@code PipelineDefinition.TWIN_FUNCTIONS}, or {@link PipelineOnTwin#TRIGGER_FUNCTION})
     * @param clientType the client's SDK interface, such as {@code EcrClient.class}
     * @return the client that function gets: {@code client} itself or one that wraps it
     */
    <C> C decorate(String function, Class<C> clientType, C client);
}
