package io.branchkey.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The access tokens of the claims benchmark, measured: the partner's staff member with each scope through the
 * back-office client with mappers (and once through the one without, for comparison), the cashier's register token.
 * Each token comes from its own password login, the scope given as {@code branchkey_scope}.
 */
final class TokenSizes {

    enum Kind { PARTNER, REGISTER }

    /**
     * @param scope          the branchkey_scope asked for
     * @param withMappers    the token's facts (the register client for REGISTER rows)
     * @param withoutMappers the same login through the back-office client without mappers (PARTNER rows only)
     * @param budget         the bk_perms byte budget of the client that issued {@code withMappers}
     */
    record Row(ClaimsRealm realm, Kind kind, String scopeLabel, String scope, TokenFacts withMappers,
               TokenFacts withoutMappers, int budget) {

        /** Whether the claim would be an overage marker at the default budget of 2048 bytes. */
        boolean overageAtDefault() {
            return withMappers.overage() || withMappers.claimBytes() > ClaimsClients.DEFAULT_BUDGET;
        }
    }

    private final TokenEndpoint tokens;
    private final ClaimsClients clients;
    private final String password;

    TokenSizes(TokenEndpoint tokens, ClaimsClients clients, String password) {
        this.tokens = tokens;
        this.clients = clients;
        this.password = password;
    }

    /**
     * Raises the budget of the client with mappers to {@link ClaimsClients#RAISED_BUDGET} if the partner's
     * scope-all token would otherwise carry an overage marker; returns the realm as it is then.
     */
    ClaimsRealm realClaims(ClaimsRealm realm) throws IOException, InterruptedException {
        if (!partner(realm, "all").overage()) {
            return realm;
        }
        System.out.printf("  %s: bk_perms is an overage marker at the default budget: raising %s's budget to %d%n",
                realm.realm(), ClaimsClients.WITH_MAPPERS, ClaimsClients.RAISED_BUDGET);
        ClaimsRealm raised = new ClaimsRealm(realm.shape(), realm.realmId(), realm.accounts(), realm.locations(),
                realm.exceptions(), realm.scopeAccount(), realm.scopeLocation(), realm.cashierLocation(), realm.users(),
                clients.setBudget(realm.realm(), realm.clients(), ClaimsClients.RAISED_BUDGET), realm.bumpGroupId());
        if (partner(raised, "all").overage()) {
            throw new IllegalStateException(realm.realm() + ": still an overage marker at " + ClaimsClients.RAISED_BUDGET + " bytes");
        }
        return raised;
    }

    List<Row> measure(ClaimsRealm realm) throws IOException, InterruptedException {
        List<Row> rows = new ArrayList<>();
        TokenFacts without = TokenFacts.of(tokens.password(realm.realm(), ClaimsClients.WITHOUT_MAPPERS, ClaimsData.PARTNER_USER,
                password, true, null).accessToken());
        rows.add(new Row(realm, Kind.PARTNER, "all", realm.scopeAll(), partner(realm, realm.scopeAll()), without,
                realm.clients().budget()));
        rows.add(new Row(realm, Kind.PARTNER, "account", realm.scopeOfAccount(), partner(realm, realm.scopeOfAccount()), without,
                realm.clients().budget()));
        rows.add(new Row(realm, Kind.PARTNER, "location", realm.scopeOfLocation(), partner(realm, realm.scopeOfLocation()),
                without, realm.clients().budget()));
        TokenFacts register = TokenFacts.of(tokens.password(realm.realm(), ClaimsClients.REGISTER, ClaimsData.CASHIER_USER,
                password, false, realm.scopeOfCashier()).accessToken());
        rows.add(new Row(realm, Kind.REGISTER, "location", realm.scopeOfCashier(), register, null, ClaimsClients.DEFAULT_BUDGET));
        for (Row row : rows) {
            System.out.printf("  %-16s %-8s %-26s token %5d bytes, bk_perms %5d bytes, %4d anchors, %d sets%n", realm.realm(),
                    row.kind(), row.scope(), row.withMappers().tokenBytes(), row.withMappers().claimBytes(),
                    row.withMappers().anchors(), row.withMappers().sets());
        }
        return rows;
    }

    private TokenFacts partner(ClaimsRealm realm, String scope) throws IOException, InterruptedException {
        return TokenFacts.of(tokens.password(realm.realm(), ClaimsClients.WITH_MAPPERS, ClaimsData.PARTNER_USER, password,
                true, scope).accessToken());
    }
}
