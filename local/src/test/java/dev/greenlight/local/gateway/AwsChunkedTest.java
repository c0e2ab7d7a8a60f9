package dev.greenlight.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsChunkedTest {

    @Test
    void signedChunksWithATrailerDecodeToTheirData() {
        String body = "5;chunk-signature=abc\r\nhello\r\n6;chunk-signature=def\r\n world\r\n"
                + "0;chunk-signature=0\r\nx-amz-checksum-crc32:AAAAAA==\r\n\r\n";

        byte[] decoded = AwsChunked.decode(request(Map.of("content-encoding", List.of("aws-chunked")), body));

        assertThat(new String(decoded, StandardCharsets.UTF_8)).isEqualTo("hello world");
    }

    @Test
    void aPlainBodyPassesThrough() {
        assertThat(AwsChunked.decode(request(Map.of(), "5\r\nhello"))).asString(StandardCharsets.UTF_8)
                .isEqualTo("5\r\nhello");
    }

    private static WireRequest request(Map<String, List<String>> headers, String body) {
        return new WireRequest("PUT", "/b/k", null, headers, body.getBytes(StandardCharsets.UTF_8));
    }
}
