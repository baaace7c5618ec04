package io.branchkey.admin.service;

import java.util.BitSet;
import java.util.List;
import java.util.Objects;

import io.branchkey.access.Grant;
import io.branchkey.access.GrantProvider;
import io.branchkey.access.GrantWindow;
import io.branchkey.access.PermissionCatalogProvider;
import io.branchkey.access.RoleGroup;
import io.branchkey.access.RoleGroupDraft;
import io.branchkey.access.RoleGroupProvider;
import io.branchkey.access.catalog.PermissionCatalog;
import io.branchkey.admin.service.AccessRepresentations.RoleGroupRepresentation;
import io.branchkey.common.BranchkeyException;
import io.branchkey.tenancy.TenantNodeModel;
import org.keycloak.events.admin.OperationType;

/**
 * Role groups: realm templates (realm admins only, as editing TrackTik's default roles needs a superuser) and
 * account-owned groups (Deliverect's "Create role groups"), which hold only what their author holds at the owner.
 */
public final class RoleGroupService {

    private final Caller caller;
    private final RoleGroupProvider groups;

    public RoleGroupService(Caller caller) {
        this.caller = caller;
        this.groups = caller.session().getProvider(RoleGroupProvider.class);
    }

    public record RoleGroupInput(String ownerNodeId, String name, String description, List<String> permissions) {
    }

    /** The templates, one owner's groups ({@code ownerNodeId}), or what can be granted at a node ({@code visibleAt}). */
    public List<RoleGroup> list(String ownerNodeId, String visibleAt) {
        if (ownerNodeId != null && visibleAt != null) {
            throw BranchkeyException.invalid("visibleAt", "give ownerNodeId or visibleAt, not both");
        }
        if (visibleAt != null) {
            return groups.visibleAt(caller.realm(), caller.node(visibleAt, "visibleAt", Right.SEE_NODE).getId());
        }
        if (ownerNodeId != null) {
            return groups.ownedBy(caller.realm(), caller.node(ownerNodeId, "ownerNodeId", Right.SEE_NODE).getId());
        }
        caller.requireRealmRight(Right.READ_REALM_SETTINGS, "list templates");
        return groups.templates(caller.realm());
    }

    public RoleGroup get(String id) {
        RoleGroup group = require(id);
        if (group.isTemplate()) {
            caller.requireRealmRight(Right.READ_REALM_SETTINGS, "read templates");
        } else {
            owner(group, Right.SEE_NODE);
        }
        return group;
    }

    public RoleGroup create(RoleGroupInput input) {
        RoleGroupDraft draft = new RoleGroupDraft(input.name(), input.description(), input.permissions());
        if (input.ownerNodeId() == null) {
            caller.requireRealmRight(Right.MANAGE_REALM, "create templates: give ownerNodeId, an account you manage");
        }
        TenantNodeModel owner = input.ownerNodeId() == null ? null
                : caller.node(input.ownerNodeId(), "ownerNodeId", Right.CREATE_ROLE_GROUPS);
        BitSet permissions = groups.permissionsFor(caller.realm(), input.ownerNodeId(), draft.permissions());
        if (owner != null) {
            caller.requireMayConfer(owner, permissions, null, null, "ROLE_GROUP_CREATE");
        }
        RoleGroup created = groups.create(caller.realm(), input.ownerNodeId(), draft, null);
        record(OperationType.CREATE, "ROLE_GROUP_CREATE", created);
        return created;
    }

    /**
     * Replaces a group: the editor must hold what it confers before and after (removing a permission takes it from
     * every holder), and an account keeps a role manager.
     */
    public RoleGroup update(String id, RoleGroupInput input) {
        RoleGroup existing = require(id);
        if (input.ownerNodeId() != null && !input.ownerNodeId().equals(existing.ownerNodeId())) {
            throw BranchkeyException.invalid("ownerNodeId", "a role group's owner cannot change");
        }
        TenantNodeModel owner = existing.isTemplate() ? null : owner(existing, Right.UPDATE_ROLE_GROUPS);
        if (owner == null) {
            caller.requireRealmRight(Right.MANAGE_REALM, "edit templates");
        }
        RoleGroupDraft draft = new RoleGroupDraft(input.name(), input.description(), input.permissions());
        BitSet permissions = groups.permissionsFor(caller.realm(), existing.ownerNodeId(), draft.permissions());
        if (owner != null && !permissions.equals(existing.permissions())) {
            requireMayChangeHolders(owner, existing, permissions);
        }
        RoleGroup updated = caller.keepingRoleManagers(owner == null ? List.of() : List.of(owner.getId()),
                () -> groups.update(caller.realm(), existing.id(), draft));
        record(OperationType.UPDATE, "ROLE_GROUP_UPDATE", updated);
        return updated;
    }

    /**
     * Changing a group's permissions changes every holder's: the editor must hold all it confers before and after,
     * must hold what it adds for as long as anyone may hold the group (for ever: grants may have no end), and must
     * be one who may act on each holder inside their reach (never a Keycloak administrator).
     */
    private void requireMayChangeHolders(TenantNodeModel owner, RoleGroup existing, BitSet permissions) {
        caller.requireMayConfer(owner, permissions, null, null, "ROLE_GROUP_UPDATE");
        caller.requireMayWithdraw(owner, existing.permissions(), "ROLE_GROUP_UPDATE", null);
        BitSet added = (BitSet) permissions.clone();
        added.andNot(existing.permissions());
        caller.requireMayConfer(owner, added, GrantWindow.ALWAYS, null, "ROLE_GROUP_UPDATE");
        caller.session().getProvider(GrantProvider.class).ofRoleGroup(caller.realm(), existing.id()).stream()
                .map(Grant::userId).distinct()
                .map(id -> caller.session().users().getUserById(caller.realm(), id)).filter(Objects::nonNull)
                .forEach(holder -> caller.requireMayActOn(holder, Act.IN_REACH, "ROLE_GROUP_UPDATE"));
    }

    /** Deletes a group nobody holds any more. */
    public void delete(String id) {
        RoleGroup existing = require(id);
        if (existing.isTemplate()) {
            caller.requireRealmRight(Right.MANAGE_REALM, "delete templates");
        } else {
            owner(existing, Right.DELETE_ROLE_GROUPS);
        }
        groups.delete(caller.realm(), existing.id());
        record(OperationType.DELETE, "ROLE_GROUP_DELETE", existing);
    }

    /** Creates or refreshes the templates of a source system (klicktrack, deliverect, dutchie, tracktik, techtrack). */
    public List<RoleGroup> loadTemplates(String system) {
        caller.requireRealmRight(Right.MANAGE_REALM, "load templates");
        List<RoleGroup> loaded = groups.loadTemplates(caller.realm(), system);
        PermissionCatalog catalog = catalog();
        caller.record(Change.of(OperationType.CREATE, Change.ROLE_GROUP, "role-groups", "templates", system)
                .representation(loaded.stream().map(g -> RoleGroupRepresentation.of(g, catalog)).toList())
                .audit("ROLE_GROUP_TEMPLATES_LOAD", null, null, system));
        return loaded;
    }

    public PermissionCatalog catalog() {
        return caller.session().getProvider(PermissionCatalogProvider.class).getCatalog(caller.realm());
    }

    private RoleGroup require(String id) {
        RoleGroup group = id == null || id.length() > 255 ? null : groups.get(caller.realm(), id);
        if (group == null || !group.isTemplate() && !caller.sees(group.ownerNodeId())) {
            throw BranchkeyException.notFound("id", "no role group with id " + id);
        }
        return group;
    }

    /** The owning node, where the caller needs the right; outside their reach the group is unknown. */
    private TenantNodeModel owner(RoleGroup group, Right right) {
        try {
            return caller.node(group.ownerNodeId(), "id", right);
        } catch (BranchkeyException e) {
            if (e.getKind() == BranchkeyException.Kind.NOT_FOUND) {
                throw BranchkeyException.notFound("id", "no role group with id " + group.id());
            }
            throw BranchkeyException.forbidden("you need " + right.permission() + " at the owning account");
        }
    }

    private void record(OperationType operation, String action, RoleGroup group) {
        caller.record(Change.of(operation, Change.ROLE_GROUP, "role-groups", group.id())
                .representation(RoleGroupRepresentation.of(group, catalog()))
                .audit(action, group.ownerNodeId(), null, group.name()));
    }
}
