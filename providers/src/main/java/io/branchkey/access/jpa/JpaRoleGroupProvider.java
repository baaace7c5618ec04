package io.branchkey.access.jpa;

import java.util.BitSet;
import java.util.List;

import io.branchkey.access.AccessEpoch;
import io.branchkey.access.PermissionCatalogProvider;
import io.branchkey.access.RoleGroup;
import io.branchkey.access.RoleGroupDraft;
import io.branchkey.access.RoleGroupProvider;
import io.branchkey.access.catalog.Permission;
import io.branchkey.access.catalog.PermissionCatalog;
import io.branchkey.tenancy.NodeKind;
import io.branchkey.common.BranchkeyException;
import io.branchkey.tenancy.TenantNodeModel;
import io.branchkey.tenancy.TenantTreeProvider;
import jakarta.persistence.EntityManager;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

final class JpaRoleGroupProvider implements RoleGroupProvider {

    private final KeycloakSession session;
    private final EntityManager em;

    JpaRoleGroupProvider(KeycloakSession session, EntityManager em) {
        this.session = session;
        this.em = em;
    }

    @Override
    public RoleGroup create(RealmModel realm, String ownerNodeId, RoleGroupDraft draft, String source) {
        String ownerKey = ownerKey(realm, ownerNodeId);
        BitSet permissions = permissionsFor(realm, ownerNodeId, draft.permissions());
        requireFreeName(realm, ownerKey, draft.name(), null);
        RoleGroupEntity entity = new RoleGroupEntity();
        entity.setId(KeycloakModelUtils.generateId());
        entity.setRealmId(realm.getId());
        entity.setOwnerKey(ownerKey);
        entity.setSource(source);
        long now = System.currentTimeMillis();
        entity.setCreatedAt(now);
        apply(entity, draft, permissions, now);
        em.persist(entity);
        em.flush();
        return toModel(entity);
    }

    @Override
    public RoleGroup update(RealmModel realm, String id, RoleGroupDraft draft) {
        RoleGroupEntity entity = require(realm, id);
        BitSet permissions = permissionsFor(realm, ownerNodeId(entity), draft.permissions());
        requireFreeName(realm, entity.getOwnerKey(), draft.name(), id);
        boolean permissionsChanged = !permissions.equals(toBits(entity));
        apply(entity, draft, permissions, System.currentTimeMillis());
        em.flush();
        if (permissionsChanged) {
            AccessEpoch.advance(realm);
        }
        return toModel(entity);
    }

    @Override
    public void delete(RealmModel realm, String id) {
        RoleGroupEntity entity = require(realm, id);
        long holders = em.createNamedQuery("bkGrantsOfRoleGroupCount", Long.class)
                .setParameter("roleGroupId", id).getSingleResult();
        if (holders > 0) {
            throw BranchkeyException.conflict("id", "the role group is still granted " + holders + " time(s): revoke those grants first");
        }
        em.remove(entity);
        em.flush();
    }

    @Override
    public RoleGroup get(RealmModel realm, String id) {
        RoleGroupEntity entity = find(realm, id);
        return entity == null ? null : toModel(entity);
    }

    @Override
    public List<RoleGroup> templates(RealmModel realm) {
        return ownedByKey(realm, RoleGroupEntity.TEMPLATE_OWNER);
    }

    @Override
    public List<RoleGroup> ownedBy(RealmModel realm, String ownerNodeId) {
        return ownedByKey(realm, ownerNodeId);
    }

    @Override
    public List<RoleGroup> visibleAt(RealmModel realm, String nodeId) {
        return em.createNamedQuery("bkRoleGroupsVisibleAt", RoleGroupEntity.class)
                .setParameter("realmId", realm.getId()).setParameter("nodeId", nodeId)
                .getResultList().stream().map(JpaRoleGroupProvider::toModel).toList();
    }

    @Override
    public List<RoleGroup> loadTemplates(RealmModel realm, String system) {
        RoleGroupTemplates.TemplateFile file = RoleGroupTemplates.load(system);
        for (RoleGroupTemplates.TemplateGroup group : file.roleGroups()) {
            RoleGroupDraft draft = new RoleGroupDraft(group.name(), group.description(), group.permissions());
            RoleGroupEntity existing = em.createNamedQuery("bkRoleGroupByName", RoleGroupEntity.class)
                    .setParameter("realmId", realm.getId()).setParameter("ownerKey", RoleGroupEntity.TEMPLATE_OWNER)
                    .setParameter("name", draft.name()).getResultStream().findFirst().orElse(null);
            if (existing == null) {
                create(realm, null, draft, system);
            } else {
                existing.setSource(system);
                update(realm, existing.getId(), draft);
            }
        }
        return templates(realm).stream().filter(g -> system.equals(g.source())).toList();
    }

    @Override
    public void removeRealmData(RealmModel realm) {
        em.createNativeQuery("delete from BK_ROLE_GROUP_PERMISSION where ROLE_GROUP_ID in (select g.ID from BK_ROLE_GROUP g where g.REALM_ID = :realmId)")
                .setParameter("realmId", realm.getId()).executeUpdate();
        em.createNativeQuery("delete from BK_ROLE_GROUP where REALM_ID = :realmId")
                .setParameter("realmId", realm.getId()).executeUpdate();
    }

    @Override
    public void close() {
    }

    private List<RoleGroup> ownedByKey(RealmModel realm, String ownerKey) {
        return em.createNamedQuery("bkRoleGroupsByOwner", RoleGroupEntity.class)
                .setParameter("realmId", realm.getId()).setParameter("ownerKey", ownerKey)
                .getResultList().stream().map(JpaRoleGroupProvider::toModel).toList();
    }

    private String ownerKey(RealmModel realm, String ownerNodeId) {
        return ownerNodeId == null ? RoleGroupEntity.TEMPLATE_OWNER : requireOwner(realm, ownerNodeId).getId();
    }

    private TenantNodeModel requireOwner(RealmModel realm, String ownerNodeId) {
        TenantNodeModel owner = session.getProvider(TenantTreeProvider.class).getNode(realm, ownerNodeId);
        if (owner == null) {
            throw BranchkeyException.notFound("ownerNodeId", "no node with id " + ownerNodeId);
        }
        if (owner.getKind() != NodeKind.ACCOUNT && owner.getKind() != NodeKind.PARTNER) {
            throw BranchkeyException.invalid("ownerNodeId", "role groups are owned by an ACCOUNT or a PARTNER, not a " + owner.getKind());
        }
        return owner;
    }

    private static String ownerNodeId(RoleGroupEntity entity) {
        return RoleGroupEntity.TEMPLATE_OWNER.equals(entity.getOwnerKey()) ? null : entity.getOwnerKey();
    }

    @Override
    public BitSet permissionsFor(RealmModel realm, String ownerNodeId, List<String> keys) {
        PermissionCatalog catalog = session.getProvider(PermissionCatalogProvider.class).getCatalog(realm);
        NodeKind ownerKind = ownerNodeId == null ? null : requireOwner(realm, ownerNodeId).getKind();
        BitSet bits = new BitSet(catalog.size());
        for (String key : keys) {
            Permission p = catalog.get(key);
            if (p == null || p.retired()) {
                throw BranchkeyException.invalid("permissions", (p == null ? "unknown" : "retired") + " permission " + key);
            }
            if (p.realmAdminOnly() && ownerKind != null) {
                throw BranchkeyException.invalid("permissions", key + " can only be part of realm templates");
            }
            if (ownerKind != null && p.minLevel() != null && !ownerKind.isAtOrAbove(p.minLevel())) {
                throw BranchkeyException.invalid("permissions", key + " only takes effect when granted at a "
                        + p.minLevel() + " or above, so a group owned by a " + ownerKind + " cannot hold it");
            }
            bits.set(p.index());
        }
        return bits;
    }

    @Override
    public RoleGroup grantableAt(RealmModel realm, String id, String nodeId) {
        RoleGroup group = get(realm, id);
        if (group == null || group.isTemplate()) {
            return group;
        }
        return session.getProvider(TenantTreeProvider.class).getAncestorOrSelfIds(realm, nodeId)
                .contains(group.ownerNodeId()) ? group : null;
    }

    private void requireFreeName(RealmModel realm, String ownerKey, String name, String ownId) {
        boolean taken = em.createNamedQuery("bkRoleGroupByName", RoleGroupEntity.class)
                .setParameter("realmId", realm.getId()).setParameter("ownerKey", ownerKey).setParameter("name", name)
                .getResultStream().anyMatch(g -> !g.getId().equals(ownId));
        if (taken) {
            throw BranchkeyException.conflict("name", "a role group named " + name + " already exists there");
        }
    }

    private RoleGroupEntity find(RealmModel realm, String id) {
        return id == null ? null : em.createNamedQuery("bkRoleGroupById", RoleGroupEntity.class)
                .setParameter("id", id).setParameter("realmId", realm.getId())
                .getResultStream().findFirst().orElse(null);
    }

    private RoleGroupEntity require(RealmModel realm, String id) {
        RoleGroupEntity entity = find(realm, id);
        if (entity == null) {
            throw BranchkeyException.notFound("id", "no role group with id " + id);
        }
        return entity;
    }

    private static void apply(RoleGroupEntity entity, RoleGroupDraft draft, BitSet permissions, long now) {
        entity.setName(draft.name());
        entity.setDescription(draft.description());
        entity.getPermissions().clear();
        permissions.stream().forEach(entity.getPermissions()::add);
        entity.setUpdatedAt(now);
    }

    private static BitSet toBits(RoleGroupEntity entity) {
        BitSet bits = new BitSet();
        entity.getPermissions().forEach(bits::set);
        return bits;
    }

    static RoleGroup toModel(RoleGroupEntity e) {
        String owner = RoleGroupEntity.TEMPLATE_OWNER.equals(e.getOwnerKey()) ? null : e.getOwnerKey();
        return new RoleGroup(e.getId(), owner, e.getName(), e.getDescription(), e.getSource(), toBits(e),
                e.getCreatedAt(), e.getUpdatedAt());
    }
}
