package io.branchkey.claims;

import java.util.Objects;

/**
 * The names of the three Branchkey claims. Each mapper's claim name is configurable in Keycloak; the content does
 * not change with it.
 *
 * @param permissions the compact permissions claim, default {@code bk_perms}; not null
 * @param roles the location roles claim, default {@code bk_roles}; not null
 * @param tenancy the tenancy claim, default {@code bk_tenancy}; not null
 */
public record ClaimNames(String permissions, String roles, String tenancy) {

    public static final ClaimNames DEFAULT = new ClaimNames("bk_perms", "bk_roles", "bk_tenancy");

    public ClaimNames {
        Objects.requireNonNull(permissions, "permissions");
        Objects.requireNonNull(roles, "roles");
        Objects.requireNonNull(tenancy, "tenancy");
    }
}
