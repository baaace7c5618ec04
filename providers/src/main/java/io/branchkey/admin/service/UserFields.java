package io.branchkey.admin.service;

import java.util.Locale;
import java.util.regex.Pattern;

import io.branchkey.common.BranchkeyException;

/** Validation of the user fields the delegated API accepts. */
final class UserFields {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@+-]{0,254}");
    // Deliberately simple: one @, something on both sides, a dot in the domain. Mail delivery is the real check.
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

    private UserFields() {
    }

    static String username(String value) {
        String username = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(username).matches()) {
            throw BranchkeyException.invalid("username", "username must be 1-255 characters of a-z, 0-9, '.', '_', '@', '+' or '-'");
        }
        return username;
    }

    static String email(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String email = value.trim().toLowerCase(Locale.ROOT);
        if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            throw BranchkeyException.invalid("email", "email is not a valid address");
        }
        return email;
    }

    static String name(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.trim().length() > 255) {
            throw BranchkeyException.invalid(field, field + " must be at most 255 characters");
        }
        return value.trim();
    }
}
