package dev.greenlight.workers.core;

import java.util.Map;
import java.util.function.Supplier;

/**
 * The function's environment variables, the one place workers read them. In AWS each function has
 * its own JVM and this is {@code System.getenv}. The local twin runs many functions in one JVM,
 * each loaded from its package in its own class loader; that loader supplies the function's
 * Environment and the runtime's reserved variables (a {@code Supplier<Map<String, String>>} named
 * {@value #TWIN_LOADER_PREFIX}…), so a worker reads the same names with the same meaning on both.
 */
public final class Environment {

    /** How the twin names a function's class loader. */
    public static final String TWIN_LOADER_PREFIX = "lambda-twin:";

    private Environment() {
    }

    /** The variable's value, or null when it is not set. */
    public static String variable(String name) {
        return variables().get(name);
    }

    public static String variable(String name, String otherwise) {
        return variables().getOrDefault(name, otherwise);
    }

    /** Whether the variables are a twin's, not the process's: the twin's function loader supplies them. */
    public static boolean onTwin() {
        ClassLoader loader = Environment.class.getClassLoader();
        return loader instanceof Supplier<?> && loader.getName() != null
                && loader.getName().startsWith(TWIN_LOADER_PREFIX);
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> variables() {
        return onTwin() ? ((Supplier<Map<String, String>>) Environment.class.getClassLoader()).get() : System.getenv();
    }
}
