package dev.greenlight.local.aws.lambda;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One execution environment's classes: the function's package first, as if it had a JVM of its own,
 * so two functions built from the same jar share no statics even where that jar's classes are also
 * on the twin's class path. The JDK's classes come from the platform, the Java runtime interfaces
 * ({@code com.amazonaws.services.lambda.runtime}) from the twin so its Context fits the handler's
 * signature; a class the package lacks falls back to the twin's.
 *
 * <p>It supplies the function's environment variables: a JVM's {@code System.getenv} is fixed at
 * start and shared, so code that must read its own Environment here asks its class loader (named
 * {@value #NAME_PREFIX}…, a {@code Supplier<Map<String, String>>}), as Greenlight's workers do.
 */
final class FunctionClassLoader extends URLClassLoader implements Supplier<Map<String, String>> {

    static final String NAME_PREFIX = "lambda-twin:";
    private static final String RUNTIME_INTERFACES = "com.amazonaws.services.lambda.runtime.";

    private final Map<String, String> environment;

    FunctionClassLoader(String functionName, Path jar, Map<String, String> environment) throws IOException {
        super(NAME_PREFIX + functionName, new URL[] {jar.toUri().toURL()}, FunctionClassLoader.class.getClassLoader());
        this.environment = Map.copyOf(environment);
    }

    @Override
    public Map<String, String> get() {
        return environment;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> type = findLoadedClass(name);
            if (type == null) {
                type = platform(name);
            }
            if (type == null && !name.startsWith(RUNTIME_INTERFACES)) {
                try {
                    type = findClass(name);
                } catch (ClassNotFoundException e) {
                    type = null;
                }
            }
            if (type == null) {
                type = getParent().loadClass(name);
            }
            if (resolve) {
                resolveClass(type);
            }
            return type;
        }
    }

    /** The package's resource first, like its classes. */
    @Override
    public URL getResource(String name) {
        URL own = findResource(name);
        return own != null ? own : super.getResource(name);
    }

    /**
     * Only the package's resources when it has any, so a service file lists each implementation once;
     * service files only ever the package's, so that ServiceLoader meets no provider of the twin's.
     */
    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        Enumeration<URL> own = findResources(name);
        return own.hasMoreElements() || name.startsWith("META-INF/services/") ? own : super.getResources(name);
    }

    private static Class<?> platform(String name) {
        try {
            return ClassLoader.getPlatformClassLoader().loadClass(name);
        } catch (ClassNotFoundException e) {
            return null;
        }
    }
}
