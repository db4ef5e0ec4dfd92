package dev.mcpweb.result;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON Schema of a result record, derived from the record itself so that it cannot drift from
 * what {@link ResultJson} writes: components are properties under their snake_case keys, required
 * unless {@link Optional}; lists are arrays, string-keyed maps are objects, enums list their names.
 * Descriptions come from {@link JsonPropertyDescription}.
 */
public final class ResultSchema {
    private ResultSchema() {}

    public static Map<String, Object> of(Class<? extends Record> type) {
        return object(type);
    }

    private static Map<String, Object> object(Class<?> type) {
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (RecordComponent c : type.getRecordComponents()) {
            String key = ResultJson.key(c.getName());
            Type t = c.getGenericType();
            if (raw(t) == Optional.class) {
                t = argument(t, 0);
            } else {
                required.add(key);
            }
            Map<String, Object> schema = new LinkedHashMap<>(schema(t));
            JsonPropertyDescription description = c.getAccessor().getAnnotation(JsonPropertyDescription.class);
            if (description != null) {
                schema.put("description", description.value());
            }
            properties.put(key, schema);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", "object");
        out.put("properties", properties);
        out.put("required", required);
        return out;
    }

    private static Map<String, Object> schema(Type t) {
        Class<?> raw = raw(t);
        if (raw == String.class) {
            return ordered("type", "string");
        }
        if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
            return ordered("type", "integer");
        }
        if (raw == double.class || raw == Double.class) {
            return ordered("type", "number");
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return ordered("type", "boolean");
        }
        if (raw.isEnum()) {
            return ordered(
                    "type",
                    "string",
                    "enum",
                    Arrays.stream(raw.getEnumConstants()).map(Object::toString).toList());
        }
        if (raw == List.class) {
            return ordered("type", "array", "items", schema(argument(t, 0)));
        }
        if (raw == Map.class && argument(t, 0) == String.class) {
            return ordered("type", "object", "additionalProperties", schema(argument(t, 1)));
        }
        if (raw.isRecord()) {
            return object(raw);
        }
        throw new IllegalArgumentException("no JSON Schema for " + t + "; use a record, enum, list or scalar");
    }

    /** A map that keeps its keys in the order given, so that the schema reads the same on every run. */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            out.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return out;
    }

    private static Class<?> raw(Type t) {
        return t instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) t;
    }

    private static Type argument(Type t, int index) {
        return ((ParameterizedType) t).getActualTypeArguments()[index];
    }
}
