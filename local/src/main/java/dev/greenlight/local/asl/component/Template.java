package dev.greenlight.local.asl.component;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A JSON value from the definition that is evaluated against the state's data: a JSONPath
 * payload template (keys ending in {@code .$}) or a JSONata value ({@code {% ... %}} strings).
 *
 * @param field the field it came from (Parameters, Output, ...), for error messages
 */
public record Template(String field, JsonNode value) {
}
