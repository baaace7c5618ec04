package io.branchkey.pin;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.vault.VaultRawSecret;

/**
 * Where each realm's PIN pepper comes from (docs/pin.md, "Configuration"): Keycloak's vault under the key
 * {@value #VAULT_KEY} (realm-scoped by the vault's key resolver), or, as a clearly logged development fallback,
 * 32 random bytes kept in the realm attribute {@value #FALLBACK_ATTRIBUTE}. With the fallback switched off a
 * realm without a vault pepper cannot hash PINs at all: never a silent downgrade. Derived keys are cached per
 * realm for a minute, so a changed vault entry is picked up without a restart.
 */
public final class PinPeppers {

    public static final String VAULT_KEY = "branchkey_pin_pepper";
    public static final String FALLBACK_ATTRIBUTE = "branchkey.pinDevPepper";
    static final String VAULT_EXPRESSION = "${vault." + VAULT_KEY + "}";
    static final long CACHE_MS = 60_000L;

    private static final Logger LOG = Logger.getLogger(PinPeppers.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What to do when the vault has no pepper for a realm. */
    public enum Fallback {
        /** refuse: setting and checking PINs fails with a server error */
        NONE,
        /** development: a random pepper in a realm attribute, with a warning */
        REALM_ATTRIBUTE;

        /** Parses the SPI option value ({@code none}, {@code realm-attribute}); null when it is not set. */
        public static Fallback parse(String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            return switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "none" -> NONE;
                case "realm-attribute" -> REALM_ATTRIBUTE;
                default -> throw new IllegalArgumentException(
                        "pepper-fallback must be none or realm-attribute, not '" + value + "'");
            };
        }

        /**
         * The fallback in force: the development one exists only under {@code kc.sh start-dev}. A production server
         * uses the vault or nothing, whatever the option says (a request for the fallback is logged as an error).
         *
         * @param configured the option's value, null when not set
         */
        public static Fallback inForce(Fallback configured, boolean devMode) {
            if (devMode) {
                return configured == null ? REALM_ATTRIBUTE : configured;
            }
            if (configured == REALM_ATTRIBUTE) {
                LOG.errorf("pepper-fallback=realm-attribute is ignored outside start-dev: PINs use only the vault pepper"
                        + " (key %s); a realm without one cannot use PINs", VAULT_KEY);
            }
            return NONE;
        }
    }

    private record Cached(Pepper pepper, long expiresAt) {
    }

    private final Fallback fallback;
    private final ConcurrentMap<String, Cached> cache = new ConcurrentHashMap<>();
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    public PinPeppers(Fallback fallback) {
        this.fallback = fallback;
    }

    public Fallback fallback() {
        return fallback;
    }

    /**
     * The realm's pepper keys.
     *
     * @throws PinConfigurationException when there is none to be had
     */
    public Pepper forRealm(KeycloakSession session, RealmModel realm) {
        long now = System.currentTimeMillis();
        Cached cached = cache.get(realm.getId());
        if (cached != null && cached.expiresAt() > now) {
            return cached.pepper();
        }
        Pepper pepper = load(session, realm);
        cache.put(realm.getId(), new Cached(pepper, now + CACHE_MS));
        return pepper;
    }

    public void forget(String realmId) {
        cache.remove(realmId);
    }

    private Pepper load(KeycloakSession session, RealmModel realm) {
        Optional<byte[]> fromVault = readVault(session.getKeycloakSessionFactory(), realm);
        if (fromVault.isPresent()) {
            try {
                return Pepper.derive(fromVault.get(), "vault");
            } catch (IllegalArgumentException tooShort) {
                throw new PinConfigurationException("the PIN pepper of realm " + realm.getName()
                        + " in the vault (key " + VAULT_KEY + ") is shorter than " + Pepper.MIN_BYTES + " bytes");
            } finally {
                Arrays.fill(fromVault.get(), (byte) 0);
            }
        }
        if (fallback == Fallback.NONE) {
            throw new PinConfigurationException("realm " + realm.getName() + " has no PIN pepper in the vault (key "
                    + VAULT_KEY + ") and the development fallback is off (pepper-fallback=none): PINs cannot be set or checked");
        }
        if (warned.add(realm.getId())) {
            LOG.warnf("PINs of realm %s use the DEVELOPMENT fallback pepper kept in the realm attribute %s: whoever can"
                            + " read the realm (view-realm admins, realm exports, database backups) can compute PIN hashes."
                            + " For production put a pepper of at least %d bytes into Keycloak's vault under the key %s, and"
                            + " set --spi-branchkey-pin--default--pepper-fallback=none. Changing the pepper invalidates"
                            + " existing PINs.", realm.getName(), FALLBACK_ATTRIBUTE, Pepper.MIN_BYTES, VAULT_KEY);
        }
        return Pepper.derive(fallbackPepper(session.getKeycloakSessionFactory(), realm), "realm-attribute");
    }

    /**
     * Reads the vault in a session of its own whose realm is this one: Keycloak's vault resolves keys per realm
     * by the realm of the session it was first used in.
     */
    private static Optional<byte[]> readVault(KeycloakSessionFactory factory, RealmModel realm) {
        try (KeycloakSession own = factory.create()) {
            own.getContext().setRealm(realm);
            try (VaultRawSecret secret = own.vault().getRawSecret(VAULT_EXPRESSION)) {
                // a copy: closing the secret overwrites the array it handed out (DefaultVaultRawSecret)
                return secret.getAsArray().map(PinPeppers::copyWithoutTrailingNewline).filter(bytes -> bytes.length > 0);
            }
        }
    }

    /** A new array, never the one given: the vault wipes its own when the secret is closed. */
    static byte[] copyWithoutTrailingNewline(byte[] bytes) {
        int end = bytes.length;
        while (end > 0 && (bytes[end - 1] == '\n' || bytes[end - 1] == '\r')) {
            end--;
        }
        return Arrays.copyOf(bytes, end);
    }

    /**
     * The realm's fallback pepper, created once. Created in a transaction of its own; two servers racing to create
     * it collide on the attribute's primary key, and the loser reads the winner's.
     */
    private static byte[] fallbackPepper(KeycloakSessionFactory factory, RealmModel realm) {
        String realmId = realm.getId();
        String value = realm.getAttribute(FALLBACK_ATTRIBUTE);
        if (value == null) {
            try {
                value = KeycloakModelUtils.runJobInTransactionWithResult(factory, s -> {
                    RealmModel own = s.realms().getRealm(realmId);
                    String existing = own.getAttribute(FALLBACK_ATTRIBUTE);
                    if (existing != null) {
                        return existing;
                    }
                    byte[] random = new byte[Pepper.MIN_BYTES];
                    RANDOM.nextBytes(random);
                    String created = Base64.getEncoder().encodeToString(random);
                    own.setAttribute(FALLBACK_ATTRIBUTE, created);
                    return created;
                });
            } catch (RuntimeException raced) {
                value = KeycloakModelUtils.runJobInTransactionWithResult(factory,
                        s -> s.realms().getRealm(realmId).getAttribute(FALLBACK_ATTRIBUTE));
            }
        }
        try {
            return Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new PinConfigurationException("the realm attribute " + FALLBACK_ATTRIBUTE + " of realm "
                    + realm.getName() + " is not base64");
        }
    }
}
