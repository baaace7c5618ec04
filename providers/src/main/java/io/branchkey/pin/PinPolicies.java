package io.branchkey.pin;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jboss.logging.Logger;
import org.keycloak.models.RealmModel;
import org.keycloak.util.JsonSerialization;

/** Keeps a realm's {@link PinPolicy} as JSON in the realm attribute {@value #ATTRIBUTE}. */
public final class PinPolicies {

    public static final String ATTRIBUTE = "branchkey.pinPolicy";

    private static final Logger LOG = Logger.getLogger(PinPolicies.class);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Stored(Integer length, Boolean usersMayChoose, List<String> blockedPins, Integer locationHourlyFailureBudget) {
    }

    private PinPolicies() {
    }

    /** The realm's policy; the defaults when none is stored (or the stored one is unreadable, which is logged). */
    public static PinPolicy read(RealmModel realm) {
        String json = realm.getAttribute(ATTRIBUTE);
        if (json == null || json.isBlank()) {
            return PinPolicy.DEFAULT;
        }
        try {
            Stored stored = JsonSerialization.readValue(json, Stored.class);
            return PinPolicy.of(stored.length(), stored.usersMayChoose(), stored.blockedPins(),
                    stored.locationHourlyFailureBudget());
        } catch (IOException | PinPolicyException e) {
            LOG.warnf("realm %s: unreadable PIN policy in attribute %s, using the defaults (%s)", realm.getName(),
                    ATTRIBUTE, e.getMessage());
            return PinPolicy.DEFAULT;
        }
    }

    public static void write(RealmModel realm, PinPolicy policy) {
        try {
            realm.setAttribute(ATTRIBUTE, JsonSerialization.writeValueAsString(new Stored(policy.length(),
                    policy.usersMayChoose(), policy.blockedPins(), policy.locationHourlyFailureBudget())));
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise the PIN policy", e);
        }
    }
}
