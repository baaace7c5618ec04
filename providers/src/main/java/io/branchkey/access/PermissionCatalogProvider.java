package io.branchkey.access;

import io.branchkey.common.BranchkeyException;
import io.branchkey.access.catalog.Permission;
import io.branchkey.access.catalog.PermissionCatalog;
import io.branchkey.access.catalog.PermissionDraft;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.Provider;

/**
 * A realm's permission catalog: Branchkey's defaults plus the realm's own permissions. Append-only: entries are
 * added or retired, never renumbered, and an index is never reused. Rule violations raise BranchkeyException.
 */
public interface PermissionCatalogProvider extends Provider {

    /** The current catalog (from a per-realm cache that every catalog change invalidates). */
    PermissionCatalog getCatalog(RealmModel realm);

    /** Adds a realm permission with the next free index. */
    Permission addPermission(RealmModel realm, PermissionDraft draft);

    /** Changes a realm permission's texts, implications or minimum level; shipped permissions are read-only. */
    Permission updatePermission(RealmModel realm, PermissionDraft draft);

    /** Retires a permission for good: it stops being effective and keeps its index. */
    Permission retirePermission(RealmModel realm, String key);

    /** Merges Branchkey's shipped catalog into the realm's, appending what is new. */
    void mergeDefaults(RealmModel realm);

    void removeRealmData(RealmModel realm);
}
