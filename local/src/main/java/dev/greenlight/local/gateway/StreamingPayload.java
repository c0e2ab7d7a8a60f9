package dev.greenlight.local.gateway;

import java.util.List;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;

/**
 * A request or response of a streaming operation (S3 PutObject and GetObject) with its raw bytes,
 * which the SDK keeps outside the model object ({@code RequestBody}, {@code ResponseBytes}).
 * It passes through the dispatcher as the model object it wraps.
 */
record StreamingPayload(SdkPojo model, byte[] bytes) implements SdkPojo {

    @Override
    public List<SdkField<?>> sdkFields() {
        return model.sdkFields();
    }
}
