package io.branchkey.pin;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.keycloak.credential.CredentialModel;
import org.keycloak.util.JsonSerialization;

/**
 * A stored PIN (credential type {@value #TYPE}). Its secret data is the keyed hash HMAC-SHA256(pepper-derived
 * key, salt || PIN) with its 16-byte salt; its credential data (visible to admins) names the algorithm, the PIN's
 * length and the fingerprint of the pepper. The PIN itself is never stored and cannot be recovered.
 */
public final class PinCredentialModel extends CredentialModel {

    public static final String TYPE = "branchkey-pin";
    public static final String USER_LABEL = "PIN";
    static final int SALT_BYTES = 16;

    private static final SecureRandom RANDOM = new SecureRandom();

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SecretData(String value, String salt) implements java.io.Serializable {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CredentialData(String algorithm, int length, String pepperId, String pepperSource)
            implements java.io.Serializable {
    }

    private final SecretData secret;
    private final CredentialData data;

    private PinCredentialModel(SecretData secret, CredentialData data) {
        this.secret = secret;
        this.data = data;
    }

    /** Hashes a new PIN with a fresh salt. */
    public static PinCredentialModel create(String pin, Pepper pepper) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder();
        PinCredentialModel model = new PinCredentialModel(
                new SecretData(b64.encodeToString(pepper.hash(salt, pin)), b64.encodeToString(salt)),
                new CredentialData(Pepper.ALGORITHM, pin.length(), pepper.id(), pepper.source()));
        model.setType(TYPE);
        model.setUserLabel(USER_LABEL);
        model.setCreatedDate(System.currentTimeMillis());
        model.setSecretData(write(model.secret));
        model.setCredentialData(write(model.data));
        return model;
    }

    /** The typed view of a stored credential; unreadable data gives a model that matches no PIN. */
    public static PinCredentialModel createFromCredentialModel(CredentialModel stored) {
        SecretData secret = read(stored.getSecretData(), SecretData.class);
        CredentialData data = read(stored.getCredentialData(), CredentialData.class);
        PinCredentialModel model = new PinCredentialModel(secret, data);
        model.setId(stored.getId());
        model.setType(stored.getType());
        model.setUserLabel(stored.getUserLabel());
        model.setCreatedDate(stored.getCreatedDate());
        model.setSecretData(stored.getSecretData());
        model.setCredentialData(stored.getCredentialData());
        model.setFederationLink(stored.getFederationLink());
        return model;
    }

    /**
     * Whether the PIN is this credential's, in time independent of where the hashes differ. A credential made
     * with another pepper matches nothing (see {@link #madeWith}).
     */
    public boolean verify(String pin, Pepper pepper) {
        if (secret == null || secret.value() == null || secret.salt() == null || pin == null) {
            return false;
        }
        try {
            Base64.Decoder b64 = Base64.getDecoder();
            return pepper.matches(pin, b64.decode(secret.salt()), b64.decode(secret.value()));
        } catch (IllegalArgumentException badBase64) {
            return false;
        }
    }

    /** Whether the credential was hashed with this pepper (else it can no longer match: the pepper changed). */
    public boolean madeWith(Pepper pepper) {
        return data != null && pepper.id().equals(data.pepperId());
    }

    public CredentialData getPinData() {
        return data;
    }

    private static String write(Object value) {
        try {
            return JsonSerialization.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise PIN credential data", e);
        }
    }

    private static <T> T read(String json, Class<T> type) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            return JsonSerialization.readValue(json, type);
        } catch (IOException e) {
            return null;
        }
    }
}
