package io.branchkey.access;

import java.util.LinkedHashSet;
import java.util.List;

import io.branchkey.common.BranchkeyException;

/** Name, description and permission keys of a role group, validated on construction (keys against the catalog later). */
public record RoleGroupDraft(String name, String description, List<String> permissions) {

    public RoleGroupDraft {
        name = name == null ? null : name.trim();
        if (name == null || name.isEmpty()) {
            throw BranchkeyException.invalid("name", "name must not be blank");
        }
        if (name.length() > 255) {
            throw BranchkeyException.invalid("name", "name must be at most 255 characters");
        }
        description = description == null || description.isBlank() ? null : description.trim();
        if (description != null && description.length() > 1000) {
            throw BranchkeyException.invalid("description", "description must be at most 1000 characters");
        }
        if (permissions == null) {
            throw BranchkeyException.invalid("permissions", "permissions is required (it may be empty)");
        }
        if (permissions.contains(null)) {
            throw BranchkeyException.invalid("permissions", "permissions must not contain null");
        }
        permissions = List.copyOf(new LinkedHashSet<>(permissions));
    }
}
