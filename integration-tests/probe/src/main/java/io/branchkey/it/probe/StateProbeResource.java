package io.branchkey.it.probe;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.branchkey.access.Grant;
import io.branchkey.access.GrantProvider;
import io.branchkey.access.PermissionCatalogProvider;
import io.branchkey.access.RoleGroup;
import io.branchkey.access.RoleGroupProvider;
import io.branchkey.access.catalog.Permission;
import io.branchkey.access.catalog.PermissionCatalog;
import io.branchkey.device.DeviceModel;
import io.branchkey.device.DeviceProvider;
import io.branchkey.override.OverridePolicyProvider;
import io.branchkey.pin.PinProvider;
import io.branchkey.pin.PinStatus;
import io.branchkey.tenancy.NodeFilter;
import io.branchkey.tenancy.NodeKind;
import io.branchkey.tenancy.TenantMembershipProvider;
import io.branchkey.tenancy.TenantNodeModel;
import io.branchkey.tenancy.TenantTreeProvider;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/** Everything the escalation invariants compare, read through Branchkey's own providers, in a stable order. */
public final class StateProbeResource {

    private final KeycloakSession session;
    private final RealmModel realm;

    StateProbeResource(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    @GET
    @Path("")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> state() {
        Map<String, Object> state = new LinkedHashMap<>();
        List<TenantNodeModel> nodes = session.getProvider(TenantTreeProvider.class)
                .searchNodes(realm, NodeFilter.NONE, 0, 100_000).sorted(Comparator.comparing(TenantNodeModel::getId)).toList();
        List<UserModel> users = session.users().searchForUserStream(realm, Map.of(UserModel.INCLUDE_SERVICE_ACCOUNT, "true"))
                .sorted(Comparator.comparing(UserModel::getId)).toList();
        PermissionCatalog catalog = session.getProvider(PermissionCatalogProvider.class).getCatalog(realm);

        List<Map<String, Object>> nodeRows = new ArrayList<>();
        Map<String, Object> overrideRules = new TreeMap<>();
        Map<String, Object> pinModes = new TreeMap<>();
        List<Map<String, Object>> devices = new ArrayList<>();
        List<RoleGroup> groups = new ArrayList<>(session.getProvider(RoleGroupProvider.class).templates(realm));
        for (TenantNodeModel node : nodes) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", node.getId());
            row.put("parentId", node.getParentId());
            row.put("kind", node.getKind().name());
            row.put("name", node.getName());
            row.put("code", node.getCode());
            row.put("status", node.getStatus().name());
            row.put("timezone", node.getTimezone());
            nodeRows.add(row);
            overrideRules.put(node.getId(), session.getProvider(OverridePolicyProvider.class).rulesAt(realm, node.getId()));
            if (node.getKind() == NodeKind.LOCATION) {
                pinModes.put(node.getId(), session.getProvider(PinProvider.class).loginMode(realm, node.getId()).name());
                for (DeviceModel device : session.getProvider(DeviceProvider.class).atLocation(realm, node.getId())) {
                    Map<String, Object> d = new LinkedHashMap<>();
                    d.put("id", device.id());
                    d.put("locationId", device.locationId());
                    d.put("name", device.name());
                    d.put("status", device.status().name());
                    d.put("lockout", session.getProvider(PinProvider.class).deviceStatus(realm, device.id()));
                    devices.add(d);
                }
            }
            if (node.getKind() == NodeKind.ACCOUNT || node.getKind() == NodeKind.PARTNER) {
                groups.addAll(session.getProvider(RoleGroupProvider.class).ownedBy(realm, node.getId()));
            }
        }
        state.put("nodes", nodeRows);
        state.put("roleGroups", groups.stream().sorted(Comparator.comparing(RoleGroup::id)).map(g -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", g.id());
            row.put("ownerNodeId", g.ownerNodeId());
            row.put("name", g.name());
            row.put("description", g.description());
            row.put("permissions", g.permissions().stream().mapToObj(catalog::get).map(Permission::key).sorted().toList());
            return row;
        }).toList());

        List<Map<String, Object>> userRows = new ArrayList<>();
        List<Map<String, Object>> grants = new ArrayList<>();
        TenantMembershipProvider memberships = session.getProvider(TenantMembershipProvider.class);
        for (UserModel user : users) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", user.getId());
            row.put("username", user.getUsername());
            row.put("email", user.getEmail());
            row.put("emailVerified", user.isEmailVerified());
            row.put("firstName", user.getFirstName());
            row.put("lastName", user.getLastName());
            row.put("enabled", user.isEnabled());
            Map<String, List<String>> attributes = new TreeMap<>(user.getAttributes());
            // Branchkey's display copy of the home account's name (HomeAccountAttribute): it follows renames.
            attributes.remove("homeAccount");
            row.put("attributes", attributes);
            row.put("requiredActions", user.getRequiredActionsStream().sorted().toList());
            row.put("homeAccountId", memberships.getHomeAccountId(realm, user));
            row.put("memberOf", memberships.getMemberships(realm, user).map(TenantNodeModel::getId).sorted().toList());
            PinStatus pin = session.getProvider(PinProvider.class).status(realm, user);
            row.put("pin", pin);
            userRows.add(row);
            for (Grant grant : session.getProvider(GrantProvider.class).ofUser(realm, user.getId())) {
                Map<String, Object> g = new LinkedHashMap<>();
                g.put("id", grant.id());
                g.put("userId", grant.userId());
                g.put("nodeId", grant.nodeId());
                g.put("roleGroupId", grant.roleGroupId());
                g.put("startsAt", grant.window().startsAt());
                g.put("endsAt", grant.window().endsAt());
                grants.add(g);
            }
        }
        state.put("users", userRows);
        grants.sort(Comparator.comparing(g -> (String) g.get("id")));
        state.put("grants", grants);
        state.put("devices", devices);
        state.put("overrideRules", overrideRules);
        state.put("pinModes", pinModes);
        return state;
    }
}
