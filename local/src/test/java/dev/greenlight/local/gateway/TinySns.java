package dev.greenlight.local.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.ListTopicsRequest;
import software.amazon.awssdk.services.sns.model.ListTopicsResponse;
import software.amazon.awssdk.services.sns.model.PublishRequest;
import software.amazon.awssdk.services.sns.model.PublishResponse;
import software.amazon.awssdk.services.sns.model.Topic;

/** A test twin of SNS: records what it is asked, answers with set topics, throws on demand. */
final class TinySns implements SnsClient {

    final List<Object> calls = new ArrayList<>();
    List<Topic> topics = List.of();
    Supplier<RuntimeException> failure;

    @Override
    public PublishResponse publish(PublishRequest request) {
        return answer(request, PublishResponse.builder().messageId("m-1").sequenceNumber("7").build());
    }

    @Override
    public ListTopicsResponse listTopics(ListTopicsRequest request) {
        return answer(request, ListTopicsResponse.builder().topics(topics).build());
    }

    private <T> T answer(Object request, T response) {
        calls.add(request);
        if (failure != null) {
            throw failure.get();
        }
        return response;
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {
    }
}
