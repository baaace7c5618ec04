package io.branchkey.access.catalog;

import java.util.List;

import io.branchkey.tenancy.NodeKind;

/**
 * One entry of a realm's permission catalog.
 *
 * @param index          stable small integer used in compact token claims; never renumbered nor reused
 * @param key            namespaced key such as {@code menus.publish}
 * @param implies        keys of the permissions this one also grants (never null)
 * @param minLevel       the permission only takes effect when granted at a node of this kind or above; null: anywhere
 * @param retired        a retired permission is never effective, but keeps its index
 * @param realmAdminOnly only realm admins may put it into role groups (TrackTik's superuser-only rights)
 * @param builtIn        shipped with Branchkey, as opposed to added by the realm
 */
public record Permission(int index, String key, String name, String description, String section, List<String> implies,
                         NodeKind minLevel, boolean retired, boolean realmAdminOnly, boolean builtIn) {

    public Permission {
        implies = implies == null ? List.of() : List.copyOf(implies);
    }
}
