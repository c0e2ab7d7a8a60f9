package dev.greenlight.local.aws.cloudformation;

import dev.greenlight.local.aws.AwsErrors;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;

/**
 * A fake resource type for the engine's tests: keeps what exists and a log of what was done;
 * {@code Fail: create} or {@code Fail: update} makes that step fail as a service refusal does;
 * a change of {@code Name} replaces the resource. {@code Settles: N} makes CloudFormation look N
 * times, a minute apart, before the resource is stable (and as many before it is gone);
 * {@code Settles: never} keeps it unstable; {@code Settles: fail} fails it with "Thing NAME broke"
 * (both only while making or changing it).
 */
final class RecordingProvider implements ResourceProvider {

    final Map<String, String> existing = new LinkedHashMap<>();
    final List<String> log = new ArrayList<>();
    private final Map<String, Integer> looks = new HashMap<>();
    private int next = 1;

    @Override
    public Provisioned create(ResourceRequest request) {
        fail(request, "create");
        String id = request.nameOr("Name", 64, false) + "#" + next++;
        existing.put(id, request.properties().toString());
        log.add("create " + request.logicalId());
        return Provisioned.of(id, "Arn", "arn:test:" + id, "Size", request.text("Size").orElse("0"));
    }

    @Override
    public Provisioned update(ResourceRequest request, Provisioned current) {
        fail(request, "update");
        existing.put(current.physicalId(), request.properties().toString());
        log.add("update " + request.logicalId());
        return Provisioned.of(current.physicalId(), "Arn", "arn:test:" + current.physicalId(), "Size",
                request.text("Size").orElse("0"));
    }

    @Override
    public void delete(Provisioned current, ResourceRequest request) {
        existing.remove(current.physicalId());
        log.add("delete " + request.logicalId());
    }

    @Override
    public Stabilization stabilized(Provisioned current, ResourceRequest request) {
        return settle("made " + current.physicalId() + " " + request.properties(), request, true);
    }

    @Override
    public Stabilization removed(Provisioned current, ResourceRequest request) {
        return settle("removed " + current.physicalId(), request, false);
    }

    private Stabilization settle(String key, ResourceRequest request, boolean making) {
        String settles = request.text("Settles").filter(value -> making || value.matches("\\d+")).orElse("0");
        if (settles.equals("fail")) {
            return Stabilization.failed("Thing " + request.logicalId() + " broke");
        }
        if (settles.equals("never")) {
            return Stabilization.lookAgainIn(Duration.ofMinutes(1));
        }
        int seen = looks.merge(key, 1, Integer::sum);
        return seen > Integer.parseInt(settles) ? Stabilization.DONE : Stabilization.lookAgainIn(Duration.ofMinutes(1));
    }

    @Override
    public Set<String> replacedOn() {
        return Set.of("Name");
    }

    private static void fail(ResourceRequest request, String step) {
        if (request.text("Fail").filter(step::equals).isPresent()) {
            throw AwsErrors.of(InvalidParameterException.builder(), "InvalidParameter",
                    "Invalid parameter: " + request.logicalId() + " refused", 400);
        }
    }
}
