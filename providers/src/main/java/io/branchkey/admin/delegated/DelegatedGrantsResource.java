package io.branchkey.admin.delegated;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.branchkey.admin.AccessRepresentations.GrantRepresentation;
import io.branchkey.admin.rest.ApiErrors;
import io.branchkey.admin.rest.ApiException;
import io.branchkey.admin.rest.JsonBodies;
import io.branchkey.audit.AuditProvider;
import io.branchkey.tenancy.TenantMembershipProvider;
import io.branchkey.tenancy.TenantNodeModel;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/** Grants and revocations by a delegated caller, one at a time or in bulk with a result per item. */
public final class DelegatedGrantsResource {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(DelegatedGrantsResource.class);

    static final int MAX_BULK_ITEMS = 500;

    private final KeycloakSession session;
    private final DelegatedGuard guard;

    DelegatedGrantsResource(KeycloakSession session, DelegatedGuard guard) {
        this.session = session;
        this.guard = guard;
    }

    public record BulkGrantRequest(List<DelegatedGrants.GrantRequest> grant, List<String> revoke) {
    }

    public record BulkMembershipRequest(List<String> userIds, List<String> nodeIds, Boolean remove) {
    }

    /** One item's outcome: its HTTP-like status and either the created object or the error. */
    public record ItemResult(int index, int status, Object result) {
    }

    @POST
    @Path("")
    @Produces(MediaType.APPLICATION_JSON)
    public Response grant(String body) {
        DelegatedGrants.GrantRequest input = JsonBodies.read(body, DelegatedGrants.GrantRequest.class);
        GrantRepresentation created = GrantRepresentation.of(new DelegatedGrants(session, guard).grant(input));
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    @DELETE
    @Path("{grantId}")
    public Response revoke(@PathParam("grantId") String grantId) {
        new DelegatedGrants(session, guard).revoke(grantId);
        return Response.noContent().build();
    }

    /** Grants and revokes many at once. Each item succeeds or fails on its own, in a transaction of its own. */
    @POST
    @Path("bulk")
    @Produces(MediaType.APPLICATION_JSON)
    public List<ItemResult> bulk(String body) {
        BulkGrantRequest input = JsonBodies.read(body, BulkGrantRequest.class);
        List<DelegatedGrants.GrantRequest> grants = input.grant() == null ? List.of() : input.grant();
        List<String> revokes = input.revoke() == null ? List.of() : input.revoke();
        requireBulkSize(grants.size() + revokes.size());
        requireNoNullItem("grant", grants);
        requireNoNullItem("revoke", revokes);
        List<ItemResult> results = new ArrayList<>();
        for (DelegatedGrants.GrantRequest request : grants) {
            results.add(item(results.size(), 201, s -> GrantRepresentation.of(new DelegatedGrants(s, guardIn(s)).grant(request))));
        }
        for (String grantId : revokes) {
            results.add(item(results.size(), 204, s -> {
                new DelegatedGrants(s, guardIn(s)).revoke(grantId);
                return null;
            }));
        }
        return results;
    }

    /** Assigns (or with remove=true unassigns) many users to many nodes, each pair checked at both ends. */
    @POST
    @Path("bulk-memberships")
    @Produces(MediaType.APPLICATION_JSON)
    public List<ItemResult> bulkMemberships(String body) {
        BulkMembershipRequest input = JsonBodies.read(body, BulkMembershipRequest.class);
        List<String> users = input.userIds() == null ? List.of() : input.userIds();
        List<String> nodes = input.nodeIds() == null ? List.of() : input.nodeIds();
        // In long: 65537 x 65535 pairs would otherwise overflow to -1 and slip past the limit.
        requireBulkSize((long) users.size() * nodes.size());
        boolean remove = Boolean.TRUE.equals(input.remove());
        List<ItemResult> results = new ArrayList<>();
        for (String userId : users) {
            for (String nodeId : nodes) {
                results.add(item(results.size(), 204, s -> {
                    DelegatedGuard g = guardIn(s);
                    TenantNodeModel node = g.nodeWith(nodeId, "nodeId", DelegatedPermissions.UPDATE_USER_LOCATIONS);
                    UserModel user = g.userWith(userId, DelegatedPermissions.UPDATE_USER_LOCATIONS);
                    TenantMembershipProvider memberships = s.getProvider(TenantMembershipProvider.class);
                    // As the single PUT/DELETE .../users/{userId}: audited when something changed, 404 for a non-member.
                    if (remove) {
                        if (!memberships.removeMember(g.caller().realm(), node, user)) {
                            throw ApiErrors.notFound("userId", "the user is not a member of this node");
                        }
                        audit(s, g, "MEMBERSHIP_REMOVE", node.getId(), user.getId());
                    } else if (ApiErrors.translate(() -> memberships.addMember(g.caller().realm(), node, user))) {
                        audit(s, g, "MEMBERSHIP_ADD", node.getId(), user.getId());
                    }
                    return new MembershipResult(user.getId(), node.getId());
                }));
            }
        }
        return results;
    }

    public record MembershipResult(String userId, String nodeId) {
    }

    private static void audit(KeycloakSession s, DelegatedGuard g, String action, String nodeId, String userId) {
        s.getProvider(AuditProvider.class).success(g.caller().realm(), g.caller().id(), action, nodeId, userId, null);
    }

    /** A null item is a malformed request (400 naming it), not a server error halfway through the items. */
    private static void requireNoNullItem(String field, List<?> items) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) == null) {
                throw ApiErrors.invalid(field + "." + i, "item " + i + " of " + field + " is null");
            }
        }
    }

    private static void requireBulkSize(long items) {
        if (items == 0) {
            throw ApiErrors.invalid(null, "nothing to do: the request has no items");
        }
        if (items > MAX_BULK_ITEMS) {
            throw ApiErrors.invalid(null, "at most " + MAX_BULK_ITEMS + " items per request");
        }
    }

    private ItemResult item(int index, int successStatus, Function<KeycloakSession, Object> work) {
        try {
            Object result = KeycloakModelUtils.runJobInTransactionWithResult(session.getKeycloakSessionFactory(), work::apply);
            return new ItemResult(index, successStatus, result);
        } catch (ApiException e) {
            return new ItemResult(index, e.status(), e.error());
        } catch (RuntimeException e) {
            // Earlier items are committed already: report this one as failed rather than fail the whole answer.
            LOG.errorf(e, "bulk item %d failed", index);
            return new ItemResult(index, 500, new io.branchkey.admin.rest.ApiError("server_error",
                    "this item failed on the server; it was not applied", null));
        }
    }

    /** The same caller, seen from an item's own session. */
    private DelegatedGuard guardIn(KeycloakSession itemSession) {
        RealmModel realm = itemSession.realms().getRealm(guard.caller().realm().getId());
        itemSession.getContext().setRealm(realm);
        UserModel user = itemSession.users().getUserById(realm, guard.caller().id());
        return new DelegatedGuard(itemSession, new DelegatedCaller(realm, user));
    }
}
