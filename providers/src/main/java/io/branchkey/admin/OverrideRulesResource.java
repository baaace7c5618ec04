package io.branchkey.admin;

import java.util.List;

import io.branchkey.admin.OverrideRepresentations.Rule;
import io.branchkey.admin.OverrideRepresentations.RuleInput;
import io.branchkey.admin.rest.ApiErrors;
import io.branchkey.admin.rest.JsonBodies;
import io.branchkey.override.OverridePolicyProvider;
import io.branchkey.tenancy.TenantNodeModel;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** A node's own override rules for realm admins: view-realm reads, manage-realm writes. */
public final class OverrideRulesResource {

    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;
    private final TenantNodeModel node;
    private final OverridePolicyProvider policies;

    OverrideRulesResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth,
                          AdminEventBuilder adminEvent, TenantNodeModel node) {
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent;
        this.node = node;
        this.policies = session.getProvider(OverridePolicyProvider.class);
    }

    @GET
    @Path("")
    @Produces(MediaType.APPLICATION_JSON)
    public List<Rule> rules() {
        auth.realm().requireViewRealm();
        return policies.rulesAt(realm, node.getId()).stream().map(Rule::of).toList();
    }

    @PUT
    @Path("{action}")
    @Produces(MediaType.APPLICATION_JSON)
    public Rule set(@PathParam("action") String action, String body) {
        auth.realm().requireManageRealm();
        RuleInput input = JsonBodies.read(body, RuleInput.class);
        String by = auth.adminAuth().getUser().getId();
        Rule saved = Rule.of(ApiErrors.translate(() -> policies.setRule(realm, node.getId(), input.toRule(action), by)));
        AdminEvents.emit(adminEvent, OperationType.UPDATE, AdminEvents.OVERRIDE_RULE, saved,
                "nodes", node.getId(), "override-rules", saved.action());
        return saved;
    }

    @DELETE
    @Path("{action}")
    public Response remove(@PathParam("action") String action) {
        auth.realm().requireManageRealm();
        if (!policies.removeRule(realm, node.getId(), action)) {
            throw ApiErrors.notFound("action", "the node has no rule for " + action);
        }
        AdminEvents.emit(adminEvent, OperationType.DELETE, AdminEvents.OVERRIDE_RULE, null,
                "nodes", node.getId(), "override-rules", action);
        return Response.noContent().build();
    }
}
