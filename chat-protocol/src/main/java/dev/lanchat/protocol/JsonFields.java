package dev.lanchat.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields of one parsed JSON object, with typed getters that throw a {@link ProtocolException} naming the message
 * type and field when a value is missing or of the wrong type. Fields not asked for are ignored, which is what lets
 * later versions add fields without breaking older readers. Immutable after parsing.
 */
final class JsonFields {

    static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(8)
                    .maxNumberLength(19)
                    .build())
            .build();

    private final String type;
    private final Map<String, Object> values;

    private JsonFields(String type, Map<String, Object> values) {
        this.type = type;
        this.values = values;
    }

    /** Parses a whole frame's text, which must be exactly one JSON object with a string field {@code type}. */
    static JsonFields parse(String text) throws ProtocolException {
        Map<String, Object> root;
        try (JsonParser parser = JSON.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new ProtocolException(ErrorCode.BAD_MESSAGE, "a message must be a JSON object");
            }
            root = readObject(parser);
            if (parser.nextToken() != null) {
                throw new ProtocolException(ErrorCode.BAD_MESSAGE, "unexpected text after the JSON object");
            }
        } catch (StreamConstraintsException e) {
            throw new ProtocolException(ErrorCode.BAD_MESSAGE, "message exceeds a JSON limit: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ProtocolException(ErrorCode.BAD_MESSAGE, "malformed JSON: " + firstLine(e.getMessage()), e);
        }
        Object type = root.get("type");
        if (!(type instanceof String)) {
            throw new ProtocolException(ErrorCode.BAD_MESSAGE, "a message needs a string field 'type'");
        }
        return new JsonFields((String) type, root);
    }

    String type() {
        return type;
    }

    String str(String name) throws ProtocolException {
        Object value = values.get(name);
        if (value instanceof String) {
            return (String) value;
        }
        throw wrongType(name, "a string", value);
    }

    String str(String name, String fallback) throws ProtocolException {
        return values.containsKey(name) ? str(name) : fallback;
    }

    long integer(String name) throws ProtocolException {
        Object value = values.get(name);
        if (value instanceof Long) {
            return (Long) value;
        }
        throw wrongType(name, "an integer", value);
    }

    long integer(String name, long fallback) throws ProtocolException {
        return values.containsKey(name) ? integer(name) : fallback;
    }

    /** Reads an optional nested object with {@code reader}; {@code null} if the field is absent. */
    <T> T object(String name, ElementReader<T> reader) throws ProtocolException {
        if (!values.containsKey(name)) {
            return null;
        }
        Object value = values.get(name);
        if (!(value instanceof Map)) {
            throw wrongType(name, "an object", value);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = (Map<String, Object>) value;
        return reader.read(new JsonFields(type + "." + name, fields));
    }

    int int32(String name) throws ProtocolException {
        long value = integer(name);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new ProtocolException(ErrorCode.BAD_MESSAGE, type + ": field '" + name + "' is out of range: " + value);
        }
        return (int) value;
    }

    int int32(String name, int fallback) throws ProtocolException {
        return values.containsKey(name) ? int32(name) : fallback;
    }

    boolean bool(String name, boolean fallback) throws ProtocolException {
        Object value = values.get(name);
        if (value == null && !values.containsKey(name)) {
            return fallback;
        }
        if (value instanceof Boolean) {
            return (Boolean) value;
        }
        throw wrongType(name, "true or false", value);
    }

    Instant time(String name) throws ProtocolException {
        return Instant.ofEpochMilli(integer(name));
    }

    List<String> strings(String name) throws ProtocolException {
        List<String> out = new ArrayList<>();
        for (Object element : list(name)) {
            if (!(element instanceof String)) {
                throw wrongType(name, "an array of strings", element);
            }
            out.add((String) element);
        }
        return out;
    }

    /** Reads an array of objects, turning each into a value with {@code reader}. */
    <T> List<T> objects(String name, ElementReader<T> reader) throws ProtocolException {
        List<T> out = new ArrayList<>();
        for (Object element : list(name)) {
            if (!(element instanceof Map)) {
                throw wrongType(name, "an array of objects", element);
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> fields = (Map<String, Object>) element;
            out.add(reader.read(new JsonFields(type + "." + name, fields)));
        }
        return out;
    }

    /** Turns one element of an array of objects into a value. */
    @FunctionalInterface
    interface ElementReader<T> {
        T read(JsonFields element) throws ProtocolException;
    }

    private List<?> list(String name) throws ProtocolException {
        Object value = values.get(name);
        if (value instanceof List) {
            return (List<?>) value;
        }
        throw wrongType(name, "an array", value);
    }

    private ProtocolException wrongType(String name, String expected, Object actual) {
        String found = actual == null
                ? (values.containsKey(name) ? "null" : "nothing")
                : describe(actual);
        return new ProtocolException(ErrorCode.BAD_MESSAGE,
                type + ": field '" + name + "' must be " + expected + ", found " + found);
    }

    private static String describe(Object value) {
        return value instanceof String ? "a string"
                : value instanceof Long ? "an integer"
                : value instanceof Boolean ? "a boolean"
                : value instanceof List ? "an array"
                : value instanceof Map ? "an object"
                : "a number";
    }

    private static Map<String, Object> readObject(JsonParser parser) throws IOException, ProtocolException {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
            String name = parser.currentName();
            parser.nextToken();
            fields.put(name, readValue(parser));
        }
        return Collections.unmodifiableMap(fields);
    }

    private static Object readValue(JsonParser parser) throws IOException, ProtocolException {
        switch (parser.currentToken()) {
            case START_OBJECT:
                return readObject(parser);
            case START_ARRAY: {
                List<Object> elements = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    elements.add(readValue(parser));
                }
                return Collections.unmodifiableList(elements);
            }
            case VALUE_STRING:
                return parser.getText();
            case VALUE_NUMBER_INT:
                if (parser.getNumberType() != JsonParser.NumberType.INT
                        && parser.getNumberType() != JsonParser.NumberType.LONG) {
                    throw new ProtocolException(ErrorCode.BAD_MESSAGE, "integer out of range: " + parser.getText());
                }
                return parser.getLongValue();
            case VALUE_NUMBER_FLOAT:
                return parser.getDoubleValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new ProtocolException(ErrorCode.BAD_MESSAGE, "unexpected JSON token " + parser.currentToken());
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
