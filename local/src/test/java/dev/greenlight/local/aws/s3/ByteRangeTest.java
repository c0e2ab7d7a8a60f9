package dev.greenlight.local.aws.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.s3.model.S3Exception;

class ByteRangeTest {

    @ParameterizedTest(name = "{0} of 100 bytes → {1}+{2}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            none          | 0  | 100
            bytes=0-9     | 0  | 10
            bytes=90-     | 90 | 10
            bytes=-5      | 95 | 5
            bytes=50-1000 | 50 | 50
            bytes=-1000   | 0  | 100
            pages=1-2     | 0  | 100
            """)
    void rangesPickTheirBytes(String header, long first, long length) {
        assertThat(ByteRange.parse(header, 100)).isEqualTo(new ByteRange(first, length));
    }

    @ParameterizedTest
    @CsvSource({"bytes=100-", "bytes=7-3"})
    void aRangeStartingPastTheEndIsNotSatisfiable(String header) {
        assertThatThrownBy(() -> ByteRange.parse(header, 100)).isInstanceOfSatisfying(S3Exception.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidRange");
            assertThat(e.statusCode()).isEqualTo(416);
        });
    }
}
