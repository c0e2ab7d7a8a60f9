package dev.greenlight.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.greenlight.local.http.RawHttp;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.SnsClient;

/** Connections that send half a request wait in the server's selector, not on its threads. */
class SlowClientsTest {

    private final WireGateway gateway = WireGateway.builder().register(SnsClient.class, new TinySns()).start(0);
    private final SnsClient sns = SdkClients.against(gateway, SnsClient.builder());

    @AfterEach
    void stop() {
        sns.close();
        gateway.close();
    }

    @Test
    void twoHundredStalledConnectionsDoNotHoldUpAWellFormedCall() {
        List<Socket> stalled = RawHttp.stall(gateway.port(), 200);
        try {
            // The goal is 50 ms (scripts/probe-twin measures it); the bound here leaves room for a busy machine.
            assertTimeoutPreemptively(Duration.ofSeconds(3),
                    () -> assertThat(sns.listTopics().topics()).isEmpty());
        } finally {
            RawHttp.closeAll(stalled);
        }
    }
}
