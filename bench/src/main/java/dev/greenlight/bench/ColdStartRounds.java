package dev.greenlight.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * One worker's cold starts from every build, interleaved so that a change in the machine's load
 * falls on all builds alike: a warm-up launch per build first (it fills the page cache with the jar
 * and warms the twin's side), then rounds of one launch per build, the order turning each round.
 */
final class ColdStartRounds {

    private ColdStartRounds() {
    }

    static List<ColdStarts> measure(FreshJvm jvm, WorkerCall call, List<WorkerBuild> builds, int rounds) {
        byte[] event = WorkerCall.json(call.prepare());
        builds.forEach(build -> sample(jvm, build, call, event));
        List<List<FreshJvm.Sample>> samples = new ArrayList<>();
        builds.forEach(build -> samples.add(new ArrayList<>()));
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < builds.size(); i++) {
                int b = (i + round) % builds.size();
                samples.get(b).add(sample(jvm, builds.get(b), call, event));
            }
        }
        List<ColdStarts> results = new ArrayList<>();
        for (int b = 0; b < builds.size(); b++) {
            results.add(new ColdStarts(call.worker().getSimpleName(), builds.get(b), samples.get(b)));
        }
        return results;
    }

    private static FreshJvm.Sample sample(FreshJvm jvm, WorkerBuild build, WorkerCall call, byte[] event) {
        FreshJvm.Sample sample = jvm.invoke(build, call, event);
        call.check(sample.response());
        return sample;
    }
}
