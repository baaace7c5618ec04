package io.branchkey.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The three kinds of login the PIN benchmark compares, all at the register client {@value PinData#CLIENT} for a
 * staff member picked at random: the password grant (direct access) with the tile location as active scope, the PIN
 * grant at a register of the tile location (tile and PIN) and at a register of the PIN-only location (PIN only).
 * A client thread uses its own connection and, for PIN logins, its own register at the location, as two registers
 * of one store would.
 */
final class PinLogins {

    enum Kind {
        PASSWORD("password grant"), PIN_TILE("PIN grant, tile and PIN"), PIN_ONLY("PIN grant, PIN only");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /**
     * One login made ready outside the timed span: who, and for a PIN login the device assertion, already signed
     * (signing takes the client a fraction of a millisecond that would otherwise count as server time).
     */
    record Prepared(Kind kind, int thread, PinRealm.Staff staff, String assertion) {
    }

    private final PinRealm realm;
    private final List<TokenEndpoint> endpoints = new ArrayList<>();

    PinLogins(PinRealm realm, String baseUrl, int threads) {
        this.realm = realm;
        for (int t = 0; t < threads; t++) {
            endpoints.add(new TokenEndpoint(baseUrl));
        }
    }

    PinRealm realm() {
        return realm;
    }

    /** A login of this kind by client thread {@code thread} for a staff member picked at random. */
    Prepared prepare(Kind kind, int thread, Random random) {
        PinRealm.Staff staff = realm.staff().get(random.nextInt(realm.staff().size()));
        String assertion = switch (kind) {
            case PASSWORD -> null;
            case PIN_TILE -> realm.tile().registers().get(thread).assertion();
            case PIN_ONLY -> realm.pinOnly().registers().get(thread).assertion();
        };
        return new Prepared(kind, thread, staff, assertion);
    }

    /** Logs in; fails unless the server issued tokens. */
    TokenEndpoint.Tokens login(Prepared login) throws IOException, InterruptedException {
        TokenEndpoint endpoint = endpoints.get(login.thread());
        return switch (login.kind()) {
            case PASSWORD -> endpoint.password(realm.realm(), realm.clientId(), login.staff().username(), realm.password(),
                    false, "location:" + realm.tile().code());
            case PIN_TILE -> endpoint.pin(realm.realm(), realm.clientId(), login.assertion(), login.staff().pin(),
                    login.staff().id());
            case PIN_ONLY -> endpoint.pin(realm.realm(), realm.clientId(), login.assertion(), login.staff().pin(), null);
        };
    }
}
