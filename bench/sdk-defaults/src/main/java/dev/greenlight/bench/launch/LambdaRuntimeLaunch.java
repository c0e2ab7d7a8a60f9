package dev.greenlight.bench.launch;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.lang.reflect.InvocationTargetException;

/**
 * Our build as Lambda runs it: the handler class named in the function's configuration, made with its
 * no-argument constructor (the workers' own clients: URL-connection HTTP client, region and
 * credentials from the environment). Argument: the handler's class name; the event on standard input.
 */
public final class LambdaRuntimeLaunch {

    private LambdaRuntimeLaunch() {
    }

    public static void main(String[] args) throws Exception {
        FirstResponse.call(() -> {
            try {
                return Class.forName(args[0]).asSubclass(RequestStreamHandler.class).getConstructor().newInstance();
            } catch (InvocationTargetException e) {
                throw new IllegalStateException("the constructor of " + args[0] + " failed", e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(args[0] + " is not a handler with a public no-argument constructor", e);
            }
        });
    }
}
