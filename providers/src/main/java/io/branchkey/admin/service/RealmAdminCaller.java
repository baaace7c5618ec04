package io.branchkey.admin.service;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

import io.branchkey.access.GrantWindow;
import io.branchkey.access.GrantedRoleGroup;
import io.branchkey.common.BranchkeyException;
import io.branchkey.tenancy.TenantMembershipProvider;
import io.branchkey.tenancy.TenantNodeModel;
import io.branchkey.tenancy.TenantTreeProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * A realm admin, on the admin API: every right maps to a Keycloak admin permission (the {@link Right} table), and
 * Keycloak has already decided the rest. The delegation rules do not bind realm admins: they are how a realm admin
 * repairs what delegated callers cannot (the last role manager, a grant beyond anyone's reach).
 */
public final class RealmAdminCaller implements Caller {

    private static final String ROOT = "branchkey";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;

    public RealmAdminCaller(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth,
                            AdminEventBuilder adminEvent) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent;
    }

    @Override
    public KeycloakSession session() {
        return session;
    }

    @Override
    public RealmModel realm() {
        return realm;
    }

    @Override
    public String id() {
        return auth.adminAuth().getUser().getId();
    }

    @Override
    public boolean isRealmAdmin() {
        return true;
    }

    @Override
    public Caller in(KeycloakSession other) {
        RealmModel otherRealm = other.realms().getRealm(realm.getId());
        other.getContext().setRealm(otherRealm);
        // Keycloak already authorised the request; the same answers hold in the item's session.
        return new RealmAdminCaller(other, otherRealm, auth, adminEvent);
    }

    @Override
    public TenantNodeModel node(String id, String field, Right right) {
        require(right);
        Users.requirePresent(field, id);
        TenantNodeModel node = session.getProvider(TenantTreeProvider.class).getNode(realm, id);
        if (node == null) {
            throw BranchkeyException.notFound(field, "no node with id " + id);
        }
        return node;
    }

    @Override
    public boolean sees(String nodeId) {
        return true;
    }

    @Override
    public boolean may(String nodeId, Right right) {
        return true;
    }

    @Override
    public UserModel user(String id, String field, Right right, String action) {
        UserModel user = Users.require(session, realm, id, field);
        switch (right.realmAdminRight()) {
            case VIEW_USERS -> auth.users().requireView(user);
            case MANAGE_USERS -> auth.users().requireManage(user);
            default -> {
                require(right);
                auth.users().requireView(user);
            }
        }
        return user;
    }

    @Override
    public void requireMayActOn(UserModel target, Act act, String action) {
        if (act == Act.VIEW) {
            auth.users().requireView(target);
        } else {
            auth.users().requireManage(target);
        }
    }

    @Override
    public boolean sees(UserModel user) {
        return true;
    }

    @Override
    public String anchor(UserModel user, Right right) {
        return session.getProvider(TenantMembershipProvider.class).getHomeAccountId(realm, user);
    }

    @Override
    public void requireRealmRight(Right right, String what) {
        require(right);
    }

    @Override
    public void requireMayConfer(TenantNodeModel node, BitSet permissions, GrantWindow window, UserModel grantee,
                                 String action) {
        if (grantee != null) {
            // A grant can carry rights that manage the realm's tree and devices: manage-users alone is not enough.
            auth.users().requireManage(grantee);
            auth.realm().requireManageRealm();
        }
    }

    @Override
    public void requireMayWithdraw(TenantNodeModel node, BitSet permissions, String action, String targetId) {
        auth.realm().requireManageRealm();
    }

    @Override
    public void requireMayShift(TenantNodeModel node, TenantNodeModel newParent, Collection<GrantedRoleGroup> starting,
                                Collection<GrantedRoleGroup> stopping, String action) {
        // manage-realm, checked by the move itself, is the whole of it for a realm admin.
    }

    @Override
    public <T> T keepingRoleManagers(Collection<String> nodeIds, Supplier<T> change) {
        return change.get();
    }

    @Override
    public void record(Change change) {
        List<String> path = new ArrayList<>(change.path().size() + 1);
        path.add(ROOT);
        path.addAll(change.path());
        adminEvent.operation(change.operation()).resource(change.resourceType())
                .resourcePath(path.toArray(String[]::new)).representation(change.representation()).success();
    }

    private void require(Right right) {
        switch (right.realmAdminRight()) {
            case VIEW_REALM -> auth.realm().requireViewRealm();
            case MANAGE_REALM -> auth.realm().requireManageRealm();
            case VIEW_USERS -> auth.users().requireView();
            case MANAGE_USERS -> auth.users().requireManage();
            case VIEW_EVENTS -> auth.realm().requireViewEvents();
        }
    }
}
