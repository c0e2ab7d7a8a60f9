package dev.greenlight.local.asl.task;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.greenlight.local.asl.Json;

/**
 * The error document of a Java function's unhandled exception, as the Lambda Java runtime writes
 * it: errorMessage, errorType (the class name), stackTrace (one "Class.method(File.java:line)" per
 * frame) and the cause, nested alike. Step Functions reports a function error with the errorType
 * as the error and this document, as written, as the cause (guide, "Handling errors": Lambda
 * function errors).
 */
public final class FunctionErrorDocument {

    private FunctionErrorDocument() {
    }

    public static ObjectNode of(Throwable thrown) {
        ObjectNode node = Json.NODES.objectNode();
        node.put("errorMessage", thrown.getMessage());
        node.put("errorType", thrown.getClass().getName());
        ArrayNode trace = node.putArray("stackTrace");
        for (StackTraceElement frame : thrown.getStackTrace()) {
            trace.add(frame.getClassName() + "." + frame.getMethodName() + "(" + frame.getFileName() + ":"
                    + frame.getLineNumber() + ")");
        }
        if (thrown.getCause() != null && thrown.getCause() != thrown) {
            node.set("cause", of(thrown.getCause()));
        }
        return node;
    }
}
