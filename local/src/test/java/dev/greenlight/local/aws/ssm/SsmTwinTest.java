package dev.greenlight.local.aws.ssm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.local.clock.VirtualClock;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

class SsmTwinTest {

    private final SsmTwin ssm = new SsmTwin(new VirtualClock());

    @Test
    void parametersAreVersionedAndOverwrittenOnlyWhenAsked() {
        assertThat(ssm.putParameter(r -> r.name("/cdk-bootstrap/hnb659fds/version").type("String").value("21")).version())
                .isEqualTo(1L);
        assertThatThrownBy(() -> ssm.putParameter(r -> r.name("/cdk-bootstrap/hnb659fds/version").value("22")))
                .isInstanceOfSatisfying(AwsServiceException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ParameterAlreadyExists"));
        assertThat(ssm.putParameter(r -> r.name("/cdk-bootstrap/hnb659fds/version").value("22").overwrite(true)).version())
                .isEqualTo(2L);

        var parameter = ssm.getParameter(r -> r.name("/cdk-bootstrap/hnb659fds/version")).parameter();
        assertThat(parameter.value()).isEqualTo("22");
        assertThat(parameter.typeAsString()).isEqualTo("String");
        assertThat(parameter.arn()).isEqualTo("arn:aws:ssm:us-east-1:123456789012:parameter/cdk-bootstrap/hnb659fds/version");
        var both = ssm.getParameters(r -> r.names("/cdk-bootstrap/hnb659fds/version", "/missing"));
        assertThat(both.parameters()).hasSize(1);
        assertThat(both.invalidParameters()).containsExactly("/missing");

        ssm.deleteParameter(r -> r.name("/cdk-bootstrap/hnb659fds/version"));
        assertThatThrownBy(() -> ssm.getParameter(r -> r.name("/cdk-bootstrap/hnb659fds/version")))
                .isInstanceOfSatisfying(AwsServiceException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ParameterNotFound"));
        assertThatThrownBy(() -> ssm.putParameter(r -> r.name("/aws/reserved").value("x")))
                .hasMessageContaining("can't be prefixed with \"aws\" or \"ssm\"");
    }
}
