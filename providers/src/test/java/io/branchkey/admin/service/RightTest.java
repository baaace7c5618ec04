package io.branchkey.admin.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import io.branchkey.access.catalog.DefaultCatalog;
import io.branchkey.access.catalog.Permission;
import io.branchkey.access.catalog.PermissionCatalog;
import org.junit.jupiter.api.Test;

/** The table of rights: every right a delegated caller can use names a shipped permission a role group can hold. */
class RightTest {

    private static final PermissionCatalog CATALOG = PermissionCatalog.of(DefaultCatalog.version(), DefaultCatalog.permissions());

    @Test
    void everyDelegatedRightIsAShippedPermissionThatAccountGroupsMayHold() {
        List<String> keys = Arrays.stream(Right.values()).map(Right::permission)
                .filter(p -> p != null && !p.equals(Right.ANY_PERMISSION)).toList();
        assertThat(keys).isNotEmpty().allSatisfy(key -> {
            Permission permission = CATALOG.get(key);
            assertThat(permission).as(key).isNotNull();
            assertThat(permission.retired()).as(key + " retired").isFalse();
            assertThat(permission.realmAdminOnly()).as(key + " realm-admin-only").isFalse();
        });
    }

    @Test
    void rightsOverTheWholeUserAreThoseThatOpenOrCloseEverythingTheyHold() {
        assertThat(Arrays.stream(Right.values()).filter(r -> r.act() == Act.WHOLE))
                .containsExactlyInAnyOrder(Right.UPDATE_USERS, Right.DEACTIVATE_USERS, Right.RESET_PINS);
        assertThat(Arrays.stream(Right.values()).filter(r -> r.act() == Act.IN_REACH))
                .containsExactlyInAnyOrder(Right.UPDATE_USER_LOCATIONS, Right.UPDATE_USER_ROLES, Right.TERMINATE_USERS);
    }

    @Test
    void realmWideChangesAreForRealmAdminsOnly() {
        assertThat(Right.MANAGE_REALM.permission()).isNull();
        assertThat(Right.READ_REALM_ADMIN.permission()).isNull();
        assertThat(Right.READ_ALL_AUDIT.permission()).isNull();
    }
}
