package dev.greenlight.local.aws.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * A deployment package built in the test: Java sources compiled against aws-lambda-java-core with
 * the JDK's compiler and packed into a jar, as a user's build would produce it.
 */
public final class HandlerJar {

    /** hook.Greeter (RequestHandler), hook.Echo (RequestStreamHandler), hook.Broken, hook.Plain::shout, hook.Stuck,
     * hook.Settings (reads its environment from its class loader when constructed; counts constructions in a static),
     * hook.Chatty (prints to standard output and error and through its LambdaLogger). */
    public static final Map<String, String> HANDLERS = Map.of(
            "hook/Greeter.java", """
                    package hook;
                    import com.amazonaws.services.lambda.runtime.Context;
                    import com.amazonaws.services.lambda.runtime.RequestHandler;
                    import java.util.Map;
                    public class Greeter implements RequestHandler<Map<String, Object>, Map<String, Object>> {
                        @Override
                        public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
                            String greeting = context.getClientContext().getEnvironment().getOrDefault("GREETING", "hi");
                            return Map.of("greeting", greeting + " " + event.get("name"),
                                    "function", context.getFunctionName(), "memory", context.getMemoryLimitInMB());
                        }
                    }
                    """,
            "hook/Echo.java", """
                    package hook;
                    import com.amazonaws.services.lambda.runtime.Context;
                    import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
                    import java.io.*;
                    public class Echo implements RequestStreamHandler {
                        @Override
                        public void handleRequest(InputStream in, OutputStream out, Context context) throws IOException {
                            in.transferTo(out);
                        }
                    }
                    """,
            "hook/Broken.java", """
                    package hook;
                    public class Broken {
                        public String handleRequest(Object event) {
                            throw new IllegalStateException("hook refused");
                        }
                    }
                    """,
            "hook/Stuck.java", """
                    package hook;
                    import java.util.concurrent.CountDownLatch;
                    public class Stuck {
                        public String handleRequest(Object event) throws InterruptedException {
                            new CountDownLatch(1).await(); // waits until the runtime stops it
                            return "never";
                        }
                    }
                    """,
            "hook/Settings.java", """
                    package hook;
                    import java.util.Map;
                    import java.util.function.Supplier;
                    public class Settings {
                        static int constructed;
                        private final Map<String, String> environment;
                        @SuppressWarnings("unchecked")
                        public Settings() {
                            constructed++;
                            environment = ((Supplier<Map<String, String>>) Settings.class.getClassLoader()).get();
                        }
                        public Map<String, Object> handleRequest(Map<String, Object> event) {
                            return Map.of("colour", environment.getOrDefault("COLOUR", "none"),
                                    "region", environment.get("AWS_REGION"),
                                    "function", environment.get("AWS_LAMBDA_FUNCTION_NAME"),
                                    "constructed", constructed, "loader", Settings.class.getClassLoader().getName());
                        }
                    }
                    """,
            "hook/Chatty.java", """
                    package hook;
                    import com.amazonaws.services.lambda.runtime.Context;
                    public class Chatty {
                        public String handleRequest(String word, Context context) {
                            System.out.println("out: checking " + word);
                            System.err.println("err: nearly done");
                            context.getLogger().log("logger: one event\\nacross two lines");
                            return context.getLogStreamName();
                        }
                    }
                    """,
            "hook/Plain.java", """
                    package hook;
                    public class Plain {
                        public String shout(String word) {
                            return word.toUpperCase();
                        }
                    }
                    """);

    private HandlerJar() {
    }

    /** The handlers above, compiled and jarred. */
    public static byte[] build() {
        try {
            Path dir = Files.createTempDirectory("handler-jar");
            for (Map.Entry<String, String> source : HANDLERS.entrySet()) {
                Path file = dir.resolve(source.getKey());
                Files.createDirectories(file.getParent());
                Files.writeString(file, source.getValue());
            }
            String classpath = Path.of(Context.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toString();
            JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
            List<String> args = new ArrayList<>(List.of("-cp", classpath, "-d", dir.toString()));
            HANDLERS.keySet().forEach(name -> args.add(dir.resolve(name).toString()));
            if (compiler.run(null, null, null, args.toArray(String[]::new)) != 0) {
                throw new IllegalStateException("the handler sources did not compile");
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (JarOutputStream jar = new JarOutputStream(bytes); Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                    jar.putNextEntry(new JarEntry(dir.relativize(file).toString().replace('\\', '/')));
                    jar.write(Files.readAllBytes(file));
                    jar.closeEntry();
                }
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
