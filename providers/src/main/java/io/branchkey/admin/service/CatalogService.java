package io.branchkey.admin.service;

import io.branchkey.access.PermissionCatalogProvider;
import io.branchkey.access.catalog.Permission;
import io.branchkey.access.catalog.PermissionCatalog;
import io.branchkey.access.catalog.PermissionDraft;
import io.branchkey.admin.service.AccessRepresentations.PermissionInput;
import org.keycloak.events.admin.OperationType;

/** The realm's permission catalog: readable by every manager (it is public anyway), changed by realm admins only. */
public final class CatalogService {

    private final Caller caller;
    private final PermissionCatalogProvider catalogs;

    public CatalogService(Caller caller) {
        this.caller = caller;
        this.catalogs = caller.session().getProvider(PermissionCatalogProvider.class);
    }

    public PermissionCatalog get() {
        caller.requireRealmRight(Right.READ_REALM_SETTINGS, "read the catalog");
        return catalogs.getCatalog(caller.realm());
    }

    public Permission add(PermissionInput input) {
        caller.requireRealmRight(Right.MANAGE_REALM, "change the catalog");
        Permission added = catalogs.addPermission(caller.realm(), draft(input));
        record(OperationType.CREATE, added);
        return added;
    }

    public Permission update(String key, PermissionInput input) {
        caller.requireRealmRight(Right.MANAGE_REALM, "change the catalog");
        if (input.key() != null && !input.key().equals(key)) {
            throw io.branchkey.common.BranchkeyException.invalid("key", "a permission's key cannot change");
        }
        Permission updated = catalogs.updatePermission(caller.realm(), draft(new PermissionInput(key, input.name(),
                input.description(), input.section(), input.implies(), input.minLevel(), input.realmAdminOnly())));
        record(OperationType.UPDATE, updated);
        return updated;
    }

    public Permission retire(String key) {
        caller.requireRealmRight(Right.MANAGE_REALM, "change the catalog");
        Permission retired = catalogs.retirePermission(caller.realm(), key);
        record(OperationType.UPDATE, retired);
        return retired;
    }

    private static PermissionDraft draft(PermissionInput input) {
        return new PermissionDraft(input.key(), input.name(), input.description(), input.section(), input.implies(),
                input.minLevel(), Boolean.TRUE.equals(input.realmAdminOnly()));
    }

    private void record(OperationType operation, Permission permission) {
        caller.record(Change.of(operation, Change.PERMISSION, "catalog", "permissions", permission.key())
                .representation(permission).audit("PERMISSION_CHANGE", null, null, permission.key()));
    }
}
