package io.branchkey.admin;

import java.util.List;
import java.util.function.Supplier;

import io.branchkey.pin.PinConfigurationException;
import io.branchkey.pin.PinPolicy;
import io.branchkey.pin.PinStatus;
import io.branchkey.rest.ApiError;
import io.branchkey.rest.ApiErrors;
import io.branchkey.rest.JsonBodies;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.keycloak.services.ErrorResponseException;

/** The JSON of the PIN endpoints: bodies, the one answer that contains a PIN, and a server without a pepper. */
public final class PinApi {

    private static final Logger LOG = Logger.getLogger(PinApi.class);

    private PinApi() {
    }

    /** Body of POST …/pin/generate; may be absent altogether. */
    public record GenerateRequest(Integer length) {
    }

    /** The one answer that ever contains a PIN. */
    public record GeneratedPin(String pin) {
    }

    public record PolicyRepresentation(Integer length, Boolean usersMayChoose, List<String> blockedPins,
                                       Integer locationHourlyFailureBudget) {

        public static PolicyRepresentation of(PinPolicy policy) {
            return new PolicyRepresentation(policy.length(), policy.usersMayChoose(), policy.blockedPins(),
                    policy.locationHourlyFailureBudget());
        }
    }

    public record StatusRepresentation(boolean configured, Long createdAt, boolean locked, int consecutiveFailures) {

        public static StatusRepresentation of(PinStatus status) {
            return new StatusRepresentation(status.configured(), status.createdAt(), status.locked(),
                    status.consecutiveFailures());
        }
    }

    /** The requested length, or null for the policy's; an empty body is fine. */
    public static Integer requestedLength(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        return JsonBodies.read(body, GenerateRequest.class).length();
    }

    public static PinPolicy policy(String body) {
        PolicyRepresentation input = JsonBodies.read(body, PolicyRepresentation.class);
        return run(() -> PinPolicy.of(input.length(), input.usersMayChoose(), input.blockedPins(),
                input.locationHourlyFailureBudget()));
    }

    /** 200 with the PIN, never cached anywhere. */
    public static Response generated(String pin) {
        return Response.ok(new GeneratedPin(pin), MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "no-store")
                .header("Pragma", "no-cache")
                .build();
    }

    /**
     * Runs a PIN operation: a broken rule becomes its client error, a server without a usable pepper a 500 with the
     * reason in the server log only.
     */
    public static <T> T run(Supplier<T> operation) {
        try {
            return ApiErrors.translate(operation);
        } catch (PinConfigurationException e) {
            LOG.error(e.getMessage());
            throw new ErrorResponseException(Response.serverError().type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new ApiError("server_error", "PINs are not set up on this server; see the server log", null))
                    .build());
        }
    }

    public static void run(Runnable operation) {
        run(() -> {
            operation.run();
            return null;
        });
    }
}
