package io.branchkey.rest;

import java.util.Locale;

/** Parses query parameters, turning bad values into a 400 that names the parameter. */
public final class QueryParams {

    private QueryParams() {
    }

    public static int integer(String name, String value, int defaultValue, int min, int max) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed < min || parsed > max) {
                throw ApiErrors.invalid(name, name + " must be between " + min + " and " + max);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw ApiErrors.invalid(name, name + " must be a whole number");
        }
    }

    public static Integer optionalInteger(String name, String value, int min, int max) {
        return value == null || value.isBlank() ? null : integer(name, value, 0, min, max);
    }

    public static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiErrors.invalid(name, name + " must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    public static boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiErrors.invalid(name, name + " must be true or false");
        };
    }
}
