package io.branchkey.admin;

import java.util.ArrayList;
import java.util.List;

import io.branchkey.admin.BulkItems.ItemResult;
import io.branchkey.admin.service.AccessRepresentations.GrantRepresentation;
import io.branchkey.admin.service.Caller;
import io.branchkey.admin.service.GrantService;
import io.branchkey.admin.service.MembershipService;
import io.branchkey.rest.JsonBodies;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import static io.branchkey.rest.ApiErrors.translate;

/** Grants and revocations, one at a time or in bulk with a result per item; bulk membership assignment. */
public final class GrantsResource {

    private final Caller caller;

    GrantsResource(Caller caller) {
        this.caller = caller;
    }

    public record BulkGrantRequest(List<GrantService.GrantRequest> grant, List<String> revoke) {
    }

    public record BulkMembershipRequest(List<String> userIds, List<String> nodeIds, Boolean remove) {
    }

    @POST
    @Path("")
    @Produces(MediaType.APPLICATION_JSON)
    public Response grant(String body) {
        GrantService.GrantRequest input = JsonBodies.read(body, GrantService.GrantRequest.class);
        GrantRepresentation created = GrantRepresentation.of(translate(() -> new GrantService(caller).grant(input)));
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public GrantRepresentation get(@PathParam("id") String id) {
        return GrantRepresentation.of(translate(() -> new GrantService(caller).get(id)));
    }

    @DELETE
    @Path("{id}")
    public Response revoke(@PathParam("id") String id) {
        translate(() -> new GrantService(caller).revoke(id));
        return Response.noContent().build();
    }

    /** Grants and revokes many at once. Each item succeeds or fails on its own, in a transaction of its own. */
    @POST
    @Path("bulk")
    @Produces(MediaType.APPLICATION_JSON)
    public List<ItemResult> bulk(String body) {
        BulkGrantRequest input = JsonBodies.read(body, BulkGrantRequest.class);
        List<GrantService.GrantRequest> grants = input.grant() == null ? List.of() : input.grant();
        List<String> revokes = input.revoke() == null ? List.of() : input.revoke();
        BulkItems.requireSize(grants.size() + revokes.size());
        BulkItems.requireNoNullItem("grant", grants);
        BulkItems.requireNoNullItem("revoke", revokes);
        List<ItemResult> results = new ArrayList<>();
        for (GrantService.GrantRequest request : grants) {
            results.add(BulkItems.run(caller, results.size(), 201,
                    c -> GrantRepresentation.of(new GrantService(c).grant(request))));
        }
        for (String grantId : revokes) {
            results.add(BulkItems.run(caller, results.size(), 204, c -> {
                new GrantService(c).revoke(grantId);
                return null;
            }));
        }
        return results;
    }

    /**
     * Assigns (or with remove=true unassigns) many users to many nodes; each pair is checked at both ends, and the
     * caller also needs users.bulk-assign-locations at each node.
     */
    @POST
    @Path("bulk-memberships")
    @Produces(MediaType.APPLICATION_JSON)
    public List<ItemResult> bulkMemberships(String body) {
        BulkMembershipRequest input = JsonBodies.read(body, BulkMembershipRequest.class);
        List<String> users = input.userIds() == null ? List.of() : input.userIds();
        List<String> nodes = input.nodeIds() == null ? List.of() : input.nodeIds();
        // In long: 65537 x 65535 pairs would otherwise overflow to -1 and slip past the limit.
        BulkItems.requireSize((long) users.size() * nodes.size());
        BulkItems.requireNoNullItem("userIds", users);
        BulkItems.requireNoNullItem("nodeIds", nodes);
        boolean remove = Boolean.TRUE.equals(input.remove());
        List<ItemResult> results = new ArrayList<>();
        for (String userId : users) {
            for (String nodeId : nodes) {
                results.add(BulkItems.run(caller, results.size(), 204,
                        c -> new MembershipService(c).assignInBulk(nodeId, userId, remove)));
            }
        }
        return results;
    }
}
