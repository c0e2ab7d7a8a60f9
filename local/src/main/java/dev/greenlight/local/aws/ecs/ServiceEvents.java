package dev.greenlight.local.aws.ecs;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ecs.model.ServiceEvent;

/** Each service's event log, newest first and capped at the 100 events DescribeServices returns. */
final class ServiceEvents {

    private static final int KEPT = 100;

    private final Map<String, Deque<ServiceEvent>> byServiceArn = new HashMap<>();
    private long sequence;

    void add(String serviceArn, String message, Instant at) {
        Deque<ServiceEvent> log = byServiceArn.computeIfAbsent(serviceArn, arn -> new ArrayDeque<>());
        log.addFirst(ServiceEvent.builder()
                .id(String.format("%08x-0000-4000-8000-%012x", ++sequence, sequence))
                .createdAt(at)
                .message(message)
                .build());
        while (log.size() > KEPT) {
            log.removeLast();
        }
    }

    List<ServiceEvent> of(String serviceArn) {
        return List.copyOf(byServiceArn.getOrDefault(serviceArn, new ArrayDeque<>()));
    }

    /** The latest message, to avoid logging "steady state" twice in a row. */
    String latest(String serviceArn) {
        Deque<ServiceEvent> log = byServiceArn.get(serviceArn);
        return log == null || log.isEmpty() ? null : log.peekFirst().message();
    }
}
