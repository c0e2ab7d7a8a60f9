package dev.greenlight.local.gateway;

import dev.greenlight.local.http.Replies;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Answers in an AWS protocol's error shape what the HTTP server refuses before the gateway sees it.
 * A path with a broken %-escape (the server's parser fails on it, and the request it hands over has
 * lost its URL) is AWS's {@code MalformedQueryString} in the JSON shape of restJson1, the only
 * protocol whose paths carry data; anything else keeps the server's status, with the code
 * {@code BadRequest} (AWS's code for those is unpublished).
 */
final class GatewayErrorHandler implements Request.Handler {

    private final Dispatcher dispatcher;

    GatewayErrorHandler(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = request.getAttribute(ErrorHandler.ERROR_STATUS) instanceof Integer code ? code : 500;
        Throwable failure = request.getAttribute(ErrorHandler.ERROR_EXCEPTION) instanceof Throwable t ? t : null;
        ErrorReply error = isBadEscape(failure)
                ? ErrorReply.malformedQueryString("bad percent-encoding in the URL's path")
                : new ErrorReply(status, status < 500 ? "BadRequest" : ErrorReply.INTERNAL_FAILURE,
                        String.valueOf(request.getAttribute(ErrorHandler.ERROR_MESSAGE)));
        WireResponse answer = dispatcher.refuse(GatewayHandler.head(request), error);
        Replies.send(response, callback, answer.status(), answer.headers(), answer.body());
        return true;
    }

    /** Jetty's URI parser reports {@code %zz} as a NumberFormatException ("!hex z") under its 400. */
    private static boolean isBadEscape(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof NumberFormatException) {
                return true;
            }
        }
        return false;
    }
}
