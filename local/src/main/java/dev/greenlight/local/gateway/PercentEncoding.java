package dev.greenlight.local.gateway;

/**
 * Checks a URL's path and query string and a form body before anything decodes them: every
 * {@code %} must start two hex digits. A broken one is AWS's {@code MalformedQueryString}.
 */
final class PercentEncoding {

    private PercentEncoding() {
    }

    static void check(String text, String where) {
        if (text == null) {
            return;
        }
        for (int i = text.indexOf('%'); i >= 0; i = text.indexOf('%', i + 1)) {
            if (i + 2 >= text.length() || !isHex(text.charAt(i + 1)) || !isHex(text.charAt(i + 2))) {
                throw new RefusedRequestException(ErrorReply.malformedQueryString(
                        "bad percent-encoding in the " + where + " at character " + (i + 1)));
            }
        }
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}
