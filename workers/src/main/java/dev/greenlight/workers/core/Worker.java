package dev.greenlight.workers.core;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * A Lambda handler with a typed record in and out. {@link #handleRequest} owns the JSON and the
 * error model; the step's work is {@link #apply}. AWS errors that are worth another try (throttling,
 * 5xx, network) leave as {@link TransientAwsError}, which the state machine retries; every other
 * failure keeps its own name.
 */
public abstract class Worker<I, O> implements RequestStreamHandler {

    public static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Class<I> inputType;

    protected Worker(Class<I> inputType) {
        this.inputType = inputType;
    }

    /** The step's work: a few dozen lines that gather inputs, decide, and act. */
    public abstract O apply(I input);

    @Override
    public final void handleRequest(InputStream in, OutputStream out, Context context) throws IOException {
        I input = JSON.readValue(in, inputType);
        O output;
        try {
            output = apply(input);
        } catch (SdkException e) {
            throw TransientAwsError.isTransient(e) ? new TransientAwsError(e) : e;
        }
        JSON.writeValue(out, output);
    }
}
