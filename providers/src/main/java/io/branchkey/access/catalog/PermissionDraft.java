package io.branchkey.access.catalog;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

import io.branchkey.tenancy.NodeKind;
import io.branchkey.common.BranchkeyException;

/**
 * A permission a realm adds to its catalog, validated on construction (the same rules as the shipped ones).
 */
public record PermissionDraft(String key, String name, String description, String section, List<String> implies,
                              NodeKind minLevel, boolean realmAdminOnly) {

    public static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+");

    public PermissionDraft {
        key = key == null ? null : key.trim();
        if (key == null || key.length() > 128 || !KEY.matcher(key).matches()) {
            throw BranchkeyException.invalid("key",
                    "key must be dot-separated lower-case segments such as menus.publish (at most 128 characters)");
        }
        name = text("name", name, 255, true);
        description = text("description", description, 1000, false);
        section = text("section", section, 100, true);
        implies = implies == null ? List.of() : List.copyOf(new LinkedHashSet<>(implies));
        if (implies.contains(key)) {
            throw BranchkeyException.invalid("implies", "a permission cannot imply itself");
        }
    }

    private static String text(String field, String value, int max, boolean required) {
        String trimmed = value == null ? null : value.trim();
        if (trimmed == null || trimmed.isEmpty()) {
            if (required) {
                throw BranchkeyException.invalid(field, field + " must not be blank");
            }
            return null;
        }
        if (trimmed.length() > max) {
            throw BranchkeyException.invalid(field, field + " must be at most " + max + " characters");
        }
        return trimmed;
    }
}
