package dev.greenlight.local.aws.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.local.clock.RealClock;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * An uploaded Java handler runs off the clock's thread in real time, so the function's Timeout
 * (on the twin's clock) cuts it off with Lambda's timeout document while the clock keeps running.
 * In virtual time a handler takes no time and cannot outlive its Timeout.
 */
class UploadedCodeTimeoutTest {

    private final RealClock clock = new RealClock();
    private final LambdaTwin lambda = new LambdaTwin(clock, new SplittableRandom(5));

    @AfterEach
    void stop() {
        clock.close();
    }

    @Test
    void aHandlerStillRunningAtItsTimeout_answersTaskTimedOutAfterTheTimeout() {
        lambda.createFunction(b -> b.functionName("stuck").runtime("java21").handler("hook.Stuck")
                .role("arn:aws:iam::123456789012:role/hook").timeout(1)
                .code(c -> c.zipFile(SdkBytes.fromByteArray(HandlerJar.build()))));
        Instant start = clock.now();

        InvokeResponse response = lambda.invoke(b -> b.functionName("stuck").payload(SdkBytes.fromUtf8String("{}")));

        assertThat(response.functionError()).isEqualTo("Unhandled");
        assertThat(response.payload().asUtf8String()).contains("Task timed out after 1.00 seconds");
        assertThat(Duration.between(start, clock.now())).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aHandlerThatAnswersInTime_isNotCutOff() {
        lambda.createFunction(b -> b.functionName("echo").runtime("java21").handler("hook.Echo")
                .role("arn:aws:iam::123456789012:role/hook").timeout(1)
                .code(c -> c.zipFile(SdkBytes.fromByteArray(HandlerJar.build()))));

        InvokeResponse response = lambda.invoke(b -> b.functionName("echo").payload(SdkBytes.fromUtf8String("{\"a\":1}")));

        assertThat(response.functionError()).isNull();
        assertThat(response.payload().asUtf8String()).isEqualTo("{\"a\":1}");
    }
}
