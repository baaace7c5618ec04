package io.branchkey.tenancy;

import org.keycloak.models.UserModel;

/**
 * The user attribute {@code homeAccount}: a copy of the user's home account ("Name (CODE)") so that Keycloak's admin
 * console can show it in the user's details (declare it in the realm's user profile as read-only for admins; see
 * docs/admin-ui.md). Branchkey never reads it — BK_HOME_ACCOUNT is the truth — and keeps it in step with every
 * change there: set, clear, removal of the membership, renaming the account, deleting it.
 */
public final class HomeAccountAttribute {

    public static final String NAME = "homeAccount";

    private HomeAccountAttribute() {
    }

    public static String valueOf(String name, String code) {
        return code == null || code.isBlank() ? name : name + " (" + code + ")";
    }

    public static void show(UserModel user, String accountName, String accountCode) {
        user.setSingleAttribute(NAME, valueOf(accountName, accountCode));
    }

    public static void clear(UserModel user) {
        user.removeAttribute(NAME);
    }
}
