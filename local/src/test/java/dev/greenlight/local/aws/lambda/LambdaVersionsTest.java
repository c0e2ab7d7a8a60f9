package dev.greenlight.local.aws.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.local.asl.Json;
import dev.greenlight.local.clock.VirtualClock;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * PublishVersion, aliases and invocation by qualifier as the Lambda API reference describes them:
 * a version is an immutable snapshot of $LATEST, an alias points at one, and Invoke by a version
 * or an alias (qualified ARN or Qualifier) runs that version and answers its ExecutedVersion.
 */
class LambdaVersionsTest {

    private static final String ARN = "arn:aws:lambda:us-east-1:123456789012:function:";

    private final LambdaTwin twin = new LambdaTwin(new VirtualClock(Instant.parse("2026-01-01T00:00:00Z")),
            new SplittableRandom(7));
    private final LambdaClient lambda = twin;

    LambdaVersionsTest() {
        twin.register("worker", event -> Json.NODES.objectNode().put("code", "one"));
    }

    @Test
    void publishVersion_numbersFromOneAndAnswersTheSameVersionWhenNothingChanged() {
        var first = lambda.publishVersion(b -> b.functionName("worker"));
        var again = lambda.publishVersion(b -> b.functionName("worker"));
        assertThat(first.version()).isEqualTo("1");
        assertThat(first.functionArn()).isEqualTo(ARN + "worker:1");
        assertThat(again.version()).isEqualTo("1");

        twin.register("worker", event -> Json.NODES.objectNode().put("code", "two"));
        assertThat(lambda.publishVersion(b -> b.functionName("worker")).version()).isEqualTo("2");
        assertThat(lambda.listVersionsByFunction(b -> b.functionName("worker")).versions())
                .extracting(FunctionConfiguration::version).containsExactly("$LATEST", "1", "2");
    }

    @Test
    void invokeByAliasArn_runsTheVersionTheAliasPointsAt() {
        lambda.publishVersion(b -> b.functionName("worker"));
        var alias = lambda.createAlias(b -> b.functionName("worker").name("live").functionVersion("1"));
        assertThat(alias.aliasArn()).isEqualTo(ARN + "worker:live");
        twin.register("worker", event -> Json.NODES.objectNode().put("code", "two"));

        InvokeResponse byAlias = lambda.invoke(b -> b.functionName(ARN + "worker:live")
                .payload(SdkBytes.fromUtf8String("{}")));
        assertThat(byAlias.executedVersion()).isEqualTo("1");
        assertThat(byAlias.payload().asUtf8String()).contains("\"one\"");
        assertThat(lambda.invoke(b -> b.functionName("worker")).payload().asUtf8String()).contains("\"two\"");

        lambda.publishVersion(b -> b.functionName("worker"));
        lambda.updateAlias(b -> b.functionName("worker").name("live").functionVersion("2"));
        InvokeResponse moved = lambda.invoke(b -> b.functionName("worker").qualifier("live"));
        assertThat(moved.executedVersion()).isEqualTo("2");
        assertThat(moved.payload().asUtf8String()).contains("\"two\"");
    }

    @Test
    void aliasErrors_areLambdasCodes() {
        lambda.publishVersion(b -> b.functionName("worker"));
        lambda.createAlias(b -> b.functionName("worker").name("live").functionVersion("1"));
        assertThatThrownBy(() -> lambda.createAlias(b -> b.functionName("worker").name("live").functionVersion("1")))
                .isInstanceOfSatisfying(AwsServiceException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceConflictException");
                    assertThat(e.statusCode()).isEqualTo(409);
                });
        assertThatThrownBy(() -> lambda.createAlias(b -> b.functionName("worker").name("next").functionVersion("9")))
                .isInstanceOfSatisfying(AwsServiceException.class, e ->
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFoundException"));
        assertThatThrownBy(() -> lambda.createAlias(b -> b.functionName("worker").name("42").functionVersion("1")))
                .isInstanceOfSatisfying(AwsServiceException.class, e ->
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
        assertThatThrownBy(() -> lambda.getAlias(b -> b.functionName("worker").name("nope")))
                .isInstanceOfSatisfying(AwsServiceException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFoundException");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Alias not found: " + ARN + "worker:nope");
                });
        assertThatThrownBy(() -> lambda.invoke(b -> b.functionName("worker:nope")))
                .isInstanceOfSatisfying(AwsServiceException.class, e ->
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFoundException"));
        assertThatThrownBy(() -> lambda.deleteFunction(b -> b.functionName("worker").qualifier("1")))
                .isInstanceOfSatisfying(AwsServiceException.class, e ->
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceConflictException"));
        String revision = lambda.getAlias(b -> b.functionName("worker").name("live")).revisionId();
        assertThatThrownBy(() -> lambda.updateAlias(b -> b.functionName("worker").name("live").revisionId("stale")))
                .isInstanceOfSatisfying(AwsServiceException.class, e ->
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("PreconditionFailedException"));

        lambda.updateAlias(b -> b.functionName("worker").name("live").revisionId(revision).description("moved"));
        assertThat(lambda.listAliases(b -> b.functionName("worker")).aliases()).singleElement()
                .satisfies(a -> assertThat(a.description()).isEqualTo("moved"));
        lambda.deleteAlias(b -> b.functionName("worker").name("live"));
        lambda.deleteFunction(b -> b.functionName("worker").qualifier("1"));
        assertThat(lambda.listVersionsByFunction(b -> b.functionName("worker")).versions()).hasSize(1);
    }
}
