package dev.greenlight.local.asl.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.local.asl.Json;
import dev.greenlight.local.asl.component.StateMachine;
import dev.greenlight.local.asl.parse.DefinitionParser;
import dev.greenlight.local.clock.VirtualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * What an engine left running for days keeps: the tokens of the tasks waiting now, and the Map Runs of the
 * executions the Step Functions twin still keeps (it calls {@link Engine#forget} when the 90 days are over).
 */
class LongRunningEngineTest {

    private static final StateMachine WAITING = DefinitionParser.parse("""
            {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke.waitForTaskToken",
              "Parameters":{"FunctionName":"worker","Payload":{"token.$":"$$.Task.Token"}},
              "TimeoutSeconds":60,"End":true}}}""");
    /** No TimeoutSeconds: the task would wait 99,999,999 seconds, unless its execution ends first. */
    private static final StateMachine WAITING_FOREVER = DefinitionParser.parse("""
            {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke.waitForTaskToken",
              "Parameters":{"FunctionName":"worker","Payload":{"token.$":"$$.Task.Token"}},"End":true}}}""");
    /** A Distributed Map whose children each run a Distributed Map of their own. */
    private static final StateMachine NESTED_MAPS = DefinitionParser.parse("""
            {"StartAt":"M","States":{"M":{"Type":"Map","Label":"Outer","ItemsPath":"$",
              "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},
                "StartAt":"I","States":{"I":{"Type":"Map","Label":"Inner","ItemsPath":"$.inner",
                  "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},
                    "StartAt":"W","States":{"W":{"Type":"Wait","Seconds":10,"End":true}}},"End":true}}},
              "End":true}}}""");

    private final VirtualClock clock = new VirtualClock();
    private final List<String> tokens = new ArrayList<>();
    private final Engine engine = new Engine(clock, call -> {
        tokens.add(call.taskToken());
        return CompletableFuture.completedFuture(Json.parse("{\"StatusCode\":202}"));
    }, new SplittableRandom(3));

    private Execution start(StateMachine machine, String input) {
        return engine.start(machine, StartRequest.of("machine", null, Json.parse(input)));
    }

    private String refusal(String token) {
        try {
            engine.sendTaskSuccess(token, Json.parse("1"));
            return "accepted";
        } catch (TaskTokenException e) {
            return e.code();
        }
    }

    @Test
    void closedTasks_leaveNoTokenBehind_andTheirTokensAnswerTaskTimedOut() {
        List<Execution> executions = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            executions.add(start(WAITING, "{}"));
        }
        clock.runUntil(() -> tokens.size() == 300);
        assertThat(engine.tokens().kept()).isEqualTo(300);
        for (int i = 0; i < 300; i += 3) {
            engine.sendTaskSuccess(tokens.get(i), Json.parse("1"));
            engine.stop(executions.get(i + 1).executionArn(), "Operator", "drill");
        }
        clock.advance(Duration.ofMinutes(2));

        assertThat(executions).allSatisfy(execution -> assertThat(execution.status().isTerminal()).isTrue());
        assertThat(engine.tokens().kept()).isZero();
        assertThat(tokens).extracting(this::refusal).containsOnly("TaskTimedOut");
    }

    @Test
    void aStoppedExecutionsTask_isClosedAtOnce_notAtItsTimeout() {
        Execution execution = start(WAITING_FOREVER, "{}");
        clock.runUntil(() -> tokens.size() == 1);
        assertThat(refusal(tokens.get(0))).isEqualTo("accepted");
        Execution second = start(WAITING_FOREVER, "{}");
        clock.runUntil(() -> tokens.size() == 2);

        engine.stop(second.executionArn(), null, null);
        clock.runUntilIdle();

        assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(second.status()).isEqualTo(ExecutionStatus.ABORTED);
        assertThat(engine.tokens().kept()).isZero();
        assertThat(clock.now()).isBefore(second.startDate().plus(Duration.ofDays(1)));
        assertThat(refusal(tokens.get(1))).isEqualTo("TaskTimedOut");
    }

    @Test
    void tokensThisEngineDidNotIssue_areTaskDoesNotExist() {
        Execution execution = start(WAITING, "{}");
        clock.runUntil(() -> tokens.size() == 1);
        byte[] altered = Base64.getDecoder().decode(tokens.get(0));
        altered[0] ^= 1;

        assertThat(refusal(Base64.getEncoder().encodeToString(altered))).isEqualTo("TaskDoesNotExist");
        assertThat(refusal(Base64.getEncoder().encodeToString(new byte[96]))).isEqualTo("TaskDoesNotExist");
        assertThat(refusal("unknown")).isEqualTo("TaskDoesNotExist");
        assertThat(execution.status()).isEqualTo(ExecutionStatus.RUNNING);
    }

    @Test
    void mapRunsAndTheirChildren_areFoundByIndex_untilTheirExecutionIsForgotten() {
        Execution parent = start(NESTED_MAPS, "[{\"inner\":[1,2]},{\"inner\":[3]}]");
        clock.runUntil(() -> parent.status().isTerminal());
        assertThat(parent.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        MapRun outer = engine.mapRuns(parent.executionArn()).get(0);
        List<Execution> outerChildren = outer.children();
        MapRun inner = engine.mapRuns(outerChildren.get(0).executionArn()).get(0);

        assertThat(engine.mapRunOfChild(outerChildren.get(1).executionArn())).containsSame(outer);
        assertThat(engine.mapRunOfChild(inner.children().get(1).executionArn())).containsSame(inner);
        assertThat(engine.mapRunOfChild(parent.executionArn())).isEmpty();
        assertThat(engine.keptMapRuns()).isEqualTo(3 + 2 + 3);

        engine.forget(parent.executionArn());

        assertThat(engine.keptMapRuns()).isZero();
        assertThat(engine.mapRun(outer.mapRunArn())).isEmpty();
        assertThat(engine.mapRun(inner.mapRunArn())).isEmpty();
        assertThat(engine.mapRunOfChild(inner.children().get(0).executionArn())).isEmpty();
    }
}
