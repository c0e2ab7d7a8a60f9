package dev.greenlight.local.asl.intrinsics;

/** Text that is not a well-formed intrinsic function call; the message is a sentence naming the spot. */
final class IntrinsicSyntaxException extends RuntimeException {

    IntrinsicSyntaxException(String message) {
        super(message, null, false, false);
    }
}
