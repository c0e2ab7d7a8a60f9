package dev.greenlight.local.aws.s3;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bytes a GetObject {@code Range} asks for (RFC 9110 byte ranges, one range as S3 serves):
 * {@code bytes=FIRST-LAST}, {@code bytes=FIRST-} or the last N with {@code bytes=-N}; LAST past
 * the end stops at the end. A range starting past the end is InvalidRange (416); a header S3
 * cannot read is ignored and the whole object served, as S3 does.
 */
record ByteRange(long first, long length) {

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    static ByteRange parse(String header, long size) {
        Matcher matcher = header == null ? null : RANGE.matcher(header.trim());
        if (matcher == null || !matcher.matches() || matcher.group(1).isEmpty() && matcher.group(2).isEmpty()) {
            return new ByteRange(0, size);
        }
        if (matcher.group(1).isEmpty()) {
            long suffix = Math.min(Long.parseLong(matcher.group(2)), size);
            return new ByteRange(size - suffix, suffix);
        }
        long first = Long.parseLong(matcher.group(1));
        long last = matcher.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(matcher.group(2)), size - 1);
        if (first >= size || last < first) {
            throw S3Errors.of("InvalidRange", "The requested range is not satisfiable", 416);
        }
        return new ByteRange(first, last - first + 1);
    }

    String contentRange(long size) {
        return "bytes " + first + "-" + (first + length - 1) + "/" + size;
    }
}
