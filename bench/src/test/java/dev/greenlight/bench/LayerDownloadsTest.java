package dev.greenlight.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.local.clock.VirtualClock;
import dev.greenlight.local.twin.LocalTwin;
import dev.greenlight.workers.core.DeploymentInput.ImageRef;
import dev.greenlight.workers.verify.EcrImageConfigs;
import dev.greenlight.workers.verify.VerifyImage;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecr.EcrClient;

class LayerDownloadsTest {

    private final VirtualClock clock = new VirtualClock();
    private final LocalTwin twin = LocalTwin.virtualTime(clock);
    private final LayerDownloads downloads = LayerDownloads.serve(twin.ecr());

    @AfterEach
    void close() {
        downloads.close();
        twin.close();
    }

    @Test
    void verifyImage_downloadsTheImageConfigThroughTheUrlTheEcrTwinNowGives_andAcceptsTheImage() {
        OrdersOnTheTwin orders = OrdersOnTheTwin.provision(twin, clock);
        EcrClient ecr = downloads.ecr();

        VerifyImage.Output verdict = new VerifyImage(ecr, twin.ecs(), new EcrImageConfigs(ecr, Duration.ofSeconds(5)))
                .apply(new VerifyImage.Input(new ImageRef("orders", "2.0", null), orders.config()));

        assertThat(verdict.accepted()).as("%s", verdict.reasons()).isTrue();
        assertThat(verdict.platform()).isEqualTo("linux/amd64");
    }

    @Test
    void otherCalls_reachTheTwinUnchanged() {
        OrdersOnTheTwin.provision(twin, clock);

        assertThat(downloads.ecr().describeRepositories(r -> r.repositoryNames("orders")).repositories())
                .singleElement().satisfies(repository -> assertThat(repository.repositoryName()).isEqualTo("orders"));
    }
}
