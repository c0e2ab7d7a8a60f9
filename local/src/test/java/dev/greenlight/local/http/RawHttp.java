package dev.greenlight.local.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 as bytes on a socket, for what a well-behaved client will not send: half a request, a
 * broken percent-encoding, a declared 50 MB body that never comes.
 */
public final class RawHttp {

    /** What the slow clients of the issue sent, and nothing more. */
    public static final byte[] HALF_REQUEST = "POST / HTTP/1.1\r\nHost: x\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII);

    private RawHttp() {
    }

    /** An answer; header names in lower case. */
    public record Answer(int status, Map<String, String> headers, String body) {
    }

    /** Sends {@code head} (a request line and headers, without the blank line) and {@code body}, on a closing connection. */
    public static Answer send(int port, String head, byte[] body, Duration timeout) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout((int) timeout.toMillis());
            String fullHead = head + "\r\nConnection: close\r\nContent-Length: " + body.length + "\r\n\r\n";
            socket.getOutputStream().write(fullHead.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().write(body);
            socket.getOutputStream().flush();
            return parse(new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** Opens {@code count} connections that each send half a request and then wait; close them after. */
    public static List<Socket> stall(int port, int count) {
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
                sockets.add(socket);
                socket.getOutputStream().write(HALF_REQUEST);
                socket.getOutputStream().flush();
            }
            return sockets;
        } catch (IOException e) {
            closeAll(sockets);
            throw new UncheckedIOException(e);
        }
    }

    public static void closeAll(List<Socket> sockets) {
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException e) {
                // Already gone: nothing to release.
            }
        }
    }

    /** Reads one answer from a connection that may stay open: its head, then as many body bytes as it declares. */
    public static Answer readAnswer(InputStream in) throws IOException {
        StringBuilder text = new StringBuilder();
        while (text.indexOf("\r\n\r\n") < 0) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            text.append((char) b);
        }
        Answer head = parse(text.toString());
        int length = Integer.parseInt(head.headers().getOrDefault("content-length", "0"));
        return new Answer(head.status(), head.headers(), new String(in.readNBytes(length), StandardCharsets.UTF_8));
    }

    static Answer parse(String text) {
        int end = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/") || end < 0) {
            throw new IllegalStateException("not an HTTP answer: " + text);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers, text.substring(end + 4));
    }
}
