package io.branchkey.admin;

import io.branchkey.admin.service.Caller;
import io.branchkey.admin.service.PinService;
import io.branchkey.pin.PinPolicy;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import static io.branchkey.rest.ApiErrors.translate;

/** The realm's PIN policy (realm admins): absent fields take their defaults. */
public final class PinPolicyResource {

    private final Caller caller;

    PinPolicyResource(Caller caller) {
        this.caller = caller;
    }

    @GET
    @Path("")
    @Produces(MediaType.APPLICATION_JSON)
    public PinApi.PolicyRepresentation get() {
        return PinApi.PolicyRepresentation.of(translate(() -> new PinService(caller).policy()));
    }

    @PUT
    @Path("")
    @Produces(MediaType.APPLICATION_JSON)
    public PinApi.PolicyRepresentation put(String body) {
        PinPolicy policy = PinApi.policy(body);
        return PinApi.PolicyRepresentation.of(translate(() -> new PinService(caller).setPolicy(policy)));
    }
}
