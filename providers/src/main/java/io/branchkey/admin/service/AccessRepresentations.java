package io.branchkey.admin.service;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.branchkey.access.Grant;
import io.branchkey.access.RoleGroup;
import io.branchkey.access.catalog.Permission;
import io.branchkey.access.catalog.PermissionCatalog;
import io.branchkey.tenancy.NodeKind;

/** JSON shapes of the access model's admin and delegated APIs. */
public final class AccessRepresentations {

    private AccessRepresentations() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PermissionInput(String key, String name, String description, String section, List<String> implies,
                                  NodeKind minLevel, Boolean realmAdminOnly) {
    }

    public record CatalogRepresentation(long version, List<Permission> permissions) {

        public static CatalogRepresentation of(PermissionCatalog catalog) {
            return new CatalogRepresentation(catalog.version(), catalog.permissions().stream()
                    .sorted(java.util.Comparator.comparingInt(Permission::index)).toList());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RoleGroupRepresentation(String id, String ownerNodeId, String name, String description, String source,
                                          List<String> permissions, Long createdAt, Long updatedAt) {

        public static RoleGroupRepresentation of(RoleGroup group, PermissionCatalog catalog) {
            List<String> keys = group.permissions().stream().mapToObj(catalog::get)
                    .filter(java.util.Objects::nonNull).map(Permission::key).sorted().toList();
            return new RoleGroupRepresentation(group.id(), group.ownerNodeId(), group.name(), group.description(),
                    group.source(), keys, group.createdAt(), group.updatedAt());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record GrantRepresentation(String id, String userId, String nodeId, String roleGroupId, Long startsAt,
                                      Long endsAt, String grantedBy, Long grantedAt) {

        public static GrantRepresentation of(Grant grant) {
            return new GrantRepresentation(grant.id(), grant.userId(), grant.nodeId(), grant.roleGroupId(),
                    grant.window().startsAt(), grant.window().endsAt(), grant.grantedBy(), grant.grantedAt());
        }
    }

    public record EffectivePermissionsRepresentation(String userId, String nodeId, long catalogVersion,
                                                     List<String> permissions) {
    }
}
