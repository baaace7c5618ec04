package io.branchkey.bench.probe;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.branchkey.access.AccessProvider;
import io.branchkey.access.PermissionSet;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * {@code POST resolve} with {@code {"pairs": [[userId, nodeId], ...]}}: calls
 * {@link AccessProvider#effectivePermissions} once per pair, in order, inside this request's transaction, and
 * answers {@code {"nanos": [...], "sizes": [...]}}: the System.nanoTime() span of each call and the number of
 * permissions it returned. The timing covers the call only: no HTTP, JSON or authentication.
 */
public final class ResolveProbeResource {

    static final String SECRET_HEADER = "X-Bench-Probe-Secret";
    static final int MAX_PAIRS = 10_000;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KeycloakSession session;
    private final byte[] secret;

    ResolveProbeResource(KeycloakSession session, byte[] secret) {
        this.session = session;
        this.secret = secret;
    }

    @POST
    @Path("resolve")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response resolve(@HeaderParam(SECRET_HEADER) String given, String body) throws Exception {
        if (secret == null) {
            return Response.status(Response.Status.NOT_FOUND).build();
        }
        if (given == null || !MessageDigest.isEqual(secret, given.getBytes(StandardCharsets.UTF_8))) {
            return Response.status(Response.Status.UNAUTHORIZED).build();
        }
        JsonNode pairs = JSON.readTree(body).path("pairs");
        if (!pairs.isArray() || pairs.size() > MAX_PAIRS) {
            return Response.status(Response.Status.BAD_REQUEST).build();
        }
        int n = pairs.size();
        String[] users = new String[n];
        String[] nodes = new String[n];
        for (int i = 0; i < n; i++) {
            users[i] = pairs.get(i).path(0).asText();
            nodes[i] = pairs.get(i).path(1).asText();
        }
        RealmModel realm = session.getContext().getRealm();
        AccessProvider access = session.getProvider(AccessProvider.class);
        long[] nanos = new long[n];
        PermissionSet[] results = new PermissionSet[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            results[i] = access.effectivePermissions(realm, users[i], nodes[i]);
            nanos[i] = System.nanoTime() - t0;
        }
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode nanosOut = answer.putArray("nanos");
        ArrayNode sizesOut = answer.putArray("sizes");
        for (int i = 0; i < n; i++) {
            nanosOut.add(nanos[i]);
            sizesOut.add(results[i].bits().cardinality());
        }
        return Response.ok(JSON.writeValueAsString(answer), MediaType.APPLICATION_JSON).build();
    }
}
