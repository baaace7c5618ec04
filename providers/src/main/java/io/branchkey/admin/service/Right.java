package io.branchkey.admin.service;

/**
 * Every right the administration checks, in one table: the catalog permission a delegated caller needs (at the
 * node acted on, or where the target user belongs), the Keycloak admin permission a realm admin needs instead, and
 * for rights over users how far the action reaches ({@link Act}).
 */
public enum Right {

    /** Seeing a node and reading what is set on it: any permission there. */
    SEE_NODE(Right.ANY_PERMISSION, RealmAdminRight.VIEW_REALM, Act.VIEW),
    CREATE_LOCATIONS("locations.create", RealmAdminRight.MANAGE_REALM, Act.VIEW),
    CREATE_ACCOUNTS("accounts.create", RealmAdminRight.MANAGE_REALM, Act.VIEW),
    UPDATE_LOCATIONS("locations.update", RealmAdminRight.MANAGE_REALM, Act.VIEW),
    MANAGE_OVERRIDE_POLICY("overrides.manage-policy", RealmAdminRight.MANAGE_REALM, Act.VIEW),
    VIEW_DEVICES("devices.view", RealmAdminRight.VIEW_REALM, Act.VIEW),
    REGISTER_DEVICES("devices.register", RealmAdminRight.MANAGE_REALM, Act.VIEW),
    MANAGE_DEVICES("devices.manage", RealmAdminRight.MANAGE_REALM, Act.VIEW),
    CREATE_ROLE_GROUPS("role-groups.create", RealmAdminRight.MANAGE_REALM, Act.VIEW),
    UPDATE_ROLE_GROUPS("role-groups.update", RealmAdminRight.MANAGE_REALM, Act.VIEW),
    DELETE_ROLE_GROUPS("role-groups.delete", RealmAdminRight.MANAGE_REALM, Act.VIEW),
    VIEW_AUDIT("audit.view", RealmAdminRight.VIEW_EVENTS, Act.VIEW),

    VIEW_USERS("users.view", RealmAdminRight.VIEW_USERS, Act.VIEW),
    INVITE_USERS("users.invite", RealmAdminRight.MANAGE_USERS, Act.VIEW),
    UPDATE_USERS("users.update", RealmAdminRight.MANAGE_USERS, Act.WHOLE),
    DEACTIVATE_USERS("users.deactivate", RealmAdminRight.MANAGE_USERS, Act.WHOLE),
    UPDATE_USER_LOCATIONS("users.update-locations", RealmAdminRight.MANAGE_USERS, Act.IN_REACH),
    BULK_ASSIGN_LOCATIONS("users.bulk-assign-locations", RealmAdminRight.MANAGE_USERS, Act.VIEW),
    UPDATE_USER_ROLES("users.update-roles", RealmAdminRight.MANAGE_USERS, Act.IN_REACH),
    TERMINATE_USERS("users.terminate", RealmAdminRight.MANAGE_USERS, Act.IN_REACH),
    RESET_PINS("pins.reset", RealmAdminRight.MANAGE_USERS, Act.WHOLE),

    /** Realm-wide settings every signed-in manager may read (device types, the catalog, templates). */
    READ_REALM_SETTINGS(Right.ANY_PERMISSION, RealmAdminRight.VIEW_REALM, Act.VIEW),
    /** Realm-wide settings only realm admins read (the PIN policy, the whole audit trail, realm-wide search). */
    READ_REALM_ADMIN(null, RealmAdminRight.VIEW_REALM, Act.VIEW),
    /** The whole audit trail at once. */
    READ_ALL_AUDIT(null, RealmAdminRight.VIEW_EVENTS, Act.VIEW),
    /** Realm-wide changes only realm admins make: catalog, templates, device types, PIN policy, seed, deletions. */
    MANAGE_REALM(null, RealmAdminRight.MANAGE_REALM, Act.VIEW);

    /** Stands for "any permission at all" (seeing a node), or "any signed-in manager" for realm-wide settings. */
    static final String ANY_PERMISSION = "*";

    private final String permission;
    private final RealmAdminRight realmAdminRight;
    private final Act act;

    Right(String permission, RealmAdminRight realmAdminRight, Act act) {
        this.permission = permission;
        this.realmAdminRight = realmAdminRight;
        this.act = act;
    }

    /** The catalog key a delegated caller needs; {@value #ANY_PERMISSION} for any, null when no delegated caller may. */
    public String permission() {
        return permission;
    }

    public RealmAdminRight realmAdminRight() {
        return realmAdminRight;
    }

    public Act act() {
        return act;
    }

    /** The Keycloak admin permissions a realm admin's request is checked against. */
    public enum RealmAdminRight {
        VIEW_REALM, MANAGE_REALM, VIEW_USERS, MANAGE_USERS, VIEW_EVENTS
    }
}
