package io.branchkey.claims;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.branchkey.claims.format.ClaimFormatException;
import io.branchkey.claims.internal.JsonValues;

/**
 * The {@code bk_tenancy} claim: the user's home account, the token's active scope, and whether the user holds a
 * grant at a partner node. Immutable.
 *
 * @param homeAccountId the home account's node id, or null when the user has none
 * @param scope not null
 * @param partner whether the user holds a grant in force at a PARTNER node
 */
public record Tenancy(String homeAccountId, ActiveScope scope, boolean partner) {

    public Tenancy {
        Objects.requireNonNull(scope, "scope");
    }

    public Optional<String> home() {
        return Optional.ofNullable(homeAccountId);
    }

    /**
     * Reads the claim value as a JSON parser hands it over. Unknown members are ignored.
     *
     * @throws ClaimFormatException for anything that is not a valid claim, and only that
     */
    public static Tenancy fromClaim(Object claim) {
        if (!(claim instanceof Map<?, ?> map)) {
            throw new ClaimFormatException("bk_tenancy must be a JSON object");
        }
        Object home = map.get("home");
        if (home != null && !(home instanceof String)) {
            throw new ClaimFormatException("bk_tenancy.home must be a string");
        }
        Object partner = map.get("partner");
        if (partner != null && !(partner instanceof Boolean)) {
            throw new ClaimFormatException("bk_tenancy.partner must be a boolean");
        }
        return new Tenancy((String) home, scope(map.get("scope")), Boolean.TRUE.equals(partner));
    }

    private static ActiveScope scope(Object value) {
        if (!(value instanceof Map<?, ?> scope) || !(scope.get("type") instanceof String type)) {
            throw new ClaimFormatException("bk_tenancy.scope must be an object with a type");
        }
        switch (type) {
            case "all":
                return ActiveScope.ALL;
            case "location":
            case "account":
                // The handle is tolerated absent (0): it only spares a lookup, the id is what names the node.
                Object rawHandle = scope.get("handle");
                Long handle = rawHandle == null ? Long.valueOf(0) : JsonValues.integer(rawHandle);
                if (!(scope.get("id") instanceof String id) || id.isEmpty() || handle == null
                        || (rawHandle != null && handle <= 0)) {
                    throw new ClaimFormatException("a " + type + " scope has a string id and, if any, a positive handle");
                }
                return new ActiveScope(type.equals("location") ? ActiveScope.Type.LOCATION : ActiveScope.Type.ACCOUNT,
                        id, handle);
            default:
                throw new ClaimFormatException("unknown bk_tenancy.scope.type"); // not echoed: messages reach headers
        }
    }
}
