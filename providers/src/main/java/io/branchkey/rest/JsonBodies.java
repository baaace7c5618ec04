package io.branchkey.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.util.stream.Collectors;

/**
 * Strict JSON request parsing: unknown fields, wrong types and malformed JSON become a 400 naming the field,
 * instead of being silently dropped or coerced.
 */
public final class JsonBodies {

    /** Generous for any real request, small enough that a huge body cannot tie up the parser. */
    private static final int MAX_BODY_CHARS = 1_000_000;

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // Otherwise "kind": 2 silently means the third constant.
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .disable(com.fasterxml.jackson.databind.MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .withCoercionConfig(LogicalType.Textual, c -> {
                c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
                c.setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
                c.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
            })
            .build();

    static {
        STRICT.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).build());
    }

    private JsonBodies() {
    }

    public static <T> T read(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            throw ApiErrors.invalid(null, "a JSON request body is required");
        }
        if (body.length() > MAX_BODY_CHARS) {
            throw ApiErrors.invalid(null, "the request body is too large");
        }
        try {
            T value = STRICT.readValue(body, type);
            if (value == null) {
                throw ApiErrors.invalid(null, "a JSON object is required");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw ApiErrors.invalid(path(e), "unknown field '" + e.getPropertyName() + "'");
        } catch (InvalidFormatException e) {
            throw ApiErrors.invalid(path(e), "invalid value for " + path(e) + ": " + String.valueOf(e.getValue()));
        } catch (JsonMappingException e) {
            String field = path(e);
            throw ApiErrors.invalid(field, field == null ? "the request body does not have the expected shape"
                    : "wrong type for " + field);
        } catch (JsonProcessingException e) {
            throw ApiErrors.invalid(null, "malformed JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr());
        }
    }

    /** The dotted path of the offending field (address.country), or null at the top level. */
    private static String path(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()))
                .collect(Collectors.joining("."));
        return path.isEmpty() ? null : path;
    }
}
