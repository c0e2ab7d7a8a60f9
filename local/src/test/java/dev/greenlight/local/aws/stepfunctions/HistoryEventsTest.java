package dev.greenlight.local.aws.stepfunctions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.local.asl.Json;
import dev.greenlight.local.asl.LocalRun;
import dev.greenlight.local.asl.eval.Execution;
import dev.greenlight.local.asl.task.LocalIntegrations;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * The engine's events read into the SDK's HistoryEvent without losing a field: every details object
 * and every member in it lands in the model, but for the few the model lacks. Guards the generic mapping against an SDK upgrade
 * or an engine event the model does not know.
 */
class HistoryEventsTest {

    /** What the engine writes that AWS's API model has no member for: nothing. */
    private static final Set<String> NOT_IN_THE_MODEL = Set.<String>of();

    private static final String EVERY_KIND = """
            {"StartAt":"Pass","States":{
              "Pass":{"Type":"Pass","Result":{"items":[1,2]},"Next":"Choose"},
              "Choose":{"Type":"Choice","Choices":[{"Variable":"$.items[0]","NumericEquals":1,"Next":"Wait"}],"Default":"Wait"},
              "Wait":{"Type":"Wait","Seconds":5,"Next":"Each"},
              "Each":{"Type":"Map","ItemsPath":"$.items","ItemProcessor":{"StartAt":"Echo","States":{
                "Echo":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:echo","End":true}}},
                "ResultPath":"$.echoed","Next":"Both"},
              "Both":{"Type":"Parallel","Branches":[
                {"StartAt":"Boom","States":{"Boom":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
                  "Parameters":{"FunctionName":"boom"},
                  "Retry":[{"ErrorEquals":["States.ALL"],"MaxAttempts":1}],"End":true}}}],
                "Catch":[{"ErrorEquals":["States.ALL"],"ResultPath":"$.error","Next":"FailingMap"}],"End":true},
              "FailingMap":{"Type":"Map","ItemsPath":"$.items","ItemProcessor":{"StartAt":"No","States":{
                "No":{"Type":"Fail","Error":"Nope","Cause":"no"}}},"Catch":[{"ErrorEquals":["States.ALL"],
                "ResultPath":"$.mapError","Next":"Slow"}],"End":true},
              "Slow":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:boom","Next":"End"},
              "End":{"Type":"Succeed"}}}""";

    @Test
    void everyEngineDetailsObject_landsInTheModelWithAllItsMembers() {
        Execution execution = LocalRun.run(EVERY_KIND, Json.parse("{}"), new LocalIntegrations()
                .function("echo", event -> event)
                .function("boom", event -> {
                    throw new IllegalStateException("boom");
                }));
        Set<String> types = new HashSet<>();
        Set<String> dropped = new TreeSet<>();
        for (var event : execution.history().events()) {
            types.add(event.type());
            HistoryEvent mapped = HistoryEvents.of(event, true);
            assertThat(mapped.typeAsString()).isEqualTo(event.type());
            assertThat(mapped.id()).isEqualTo(event.id());
            if (event.details() == null) {
                continue;
            }
            SdkPojo details = member(mapped, event.detailsField());
            if (details == null) {
                dropped.add(event.detailsField());
                continue;
            }
            event.details().fieldNames().forEachRemaining(name -> {
                if (member(details, name) == null) {
                    dropped.add(event.detailsField() + "." + name);
                }
            });
        }
        assertThat(types).contains("ExecutionStarted", "PassStateEntered", "ChoiceStateExited", "WaitStateEntered",
                "MapStateStarted", "MapIterationSucceeded", "LambdaFunctionScheduled", "LambdaFunctionSucceeded",
                "TaskScheduled", "TaskFailed", "ParallelStateFailed", "MapIterationFailed", "LambdaFunctionFailed",
                "ExecutionFailed");
        assertThat(dropped).isEqualTo(NOT_IN_THE_MODEL);
    }

    @SuppressWarnings("unchecked")
    private static <T> T member(SdkPojo pojo, String locationName) {
        List<SdkField<?>> fields = pojo.sdkFields();
        return (T) fields.stream().filter(field -> field.locationName().equals(locationName)).findFirst()
                .map(field -> field.getValueOrDefault(pojo)).orElse(null);
    }
}
