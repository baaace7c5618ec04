package io.branchkey.admin.delegated;

/** The catalog permissions the delegated API checks, one constant per right. */
final class DelegatedPermissions {

    static final String VIEW_USERS = "users.view";
    static final String INVITE_USERS = "users.invite";
    static final String UPDATE_USERS = "users.update";
    static final String UPDATE_USER_LOCATIONS = "users.update-locations";
    static final String UPDATE_USER_ROLES = "users.update-roles";
    static final String TERMINATE_USERS = "users.terminate";
    static final String CREATE_ROLE_GROUPS = "role-groups.create";
    static final String UPDATE_ROLE_GROUPS = "role-groups.update";
    static final String DELETE_ROLE_GROUPS = "role-groups.delete";
    static final String CREATE_LOCATIONS = "locations.create";
    static final String CREATE_ACCOUNTS = "accounts.create";
    static final String DEACTIVATE_USERS = "users.deactivate";
    static final String UPDATE_LOCATIONS = "locations.update";
    static final String VIEW_AUDIT = "audit.view";
    static final String VIEW_DEVICES = "devices.view";
    static final String REGISTER_DEVICES = "devices.register";
    static final String MANAGE_DEVICES = "devices.manage";
    static final String MANAGE_OVERRIDE_POLICY = "overrides.manage-policy";
    static final String RESET_PINS = "pins.reset";

    private DelegatedPermissions() {
    }
}
