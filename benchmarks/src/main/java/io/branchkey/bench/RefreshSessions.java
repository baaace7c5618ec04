package io.branchkey.bench;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One signed-in session of the partner's staff member per realm and back-office client (scope {@code all}), kept
 * alive by refresh-token grants, each with the newest refresh token as an app would.
 */
final class RefreshSessions {

    /** A realm and one of its two back-office clients. */
    record Target(ClaimsRealm realm, boolean mappers) {

        String clientId() {
            return mappers ? ClaimsClients.WITH_MAPPERS : ClaimsClients.WITHOUT_MAPPERS;
        }

        String label() {
            return realm.realm() + " " + (mappers ? "with" : "without") + " mappers";
        }
    }

    private final TokenEndpoint tokens;
    private final Map<Target, String> refreshTokens = new LinkedHashMap<>();

    private RefreshSessions(TokenEndpoint tokens) {
        this.tokens = tokens;
    }

    /** Signs in once per realm and client (password grant, scope openid). */
    static RefreshSessions open(TokenEndpoint tokens, List<ClaimsRealm> realms, String password)
            throws IOException, InterruptedException {
        RefreshSessions sessions = new RefreshSessions(tokens);
        for (ClaimsRealm realm : realms) {
            for (boolean mappers : new boolean[] {true, false}) {
                Target target = new Target(realm, mappers);
                sessions.refreshTokens.put(target, tokens.password(realm.realm(), target.clientId(), ClaimsData.PARTNER_USER,
                        password, true, null).refreshToken());
            }
        }
        return sessions;
    }

    List<Target> targets() {
        return List.copyOf(refreshTokens.keySet());
    }

    /** One refresh-token grant; returns the new access token. */
    String refresh(Target target) throws IOException, InterruptedException {
        TokenEndpoint.Tokens answer = tokens.refresh(target.realm().realm(), target.clientId(), refreshTokens.get(target), null);
        refreshTokens.put(target, answer.refreshToken());
        return answer.accessToken();
    }
}
