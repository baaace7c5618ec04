package io.branchkey.bench;

import java.util.List;

/**
 * A loaded realm of the claims benchmark: its tree as the claims see it (handles), who holds what, and the scopes
 * and clients the tokens are asked for.
 *
 * @param exceptions      the locations where the partner's staff member holds an extra grant
 * @param scopeAccount    the account used for the {@code account:} scope: the one with the most exceptions
 * @param scopeLocation   the location used for the {@code location:} scope: an exception inside that account
 * @param cashierLocation where the cashier is granted: the active location with the highest handle (longest number)
 */
record ClaimsRealm(ClaimsShape shape, String realmId, List<Node> accounts, List<Node> locations, List<Node> exceptions,
                   Node scopeAccount, Node scopeLocation, Node cashierLocation, Users users, ClaimsClients.Created clients,
                   String bumpGroupId) {

    /** A node: its id, code, handle, and for a location the id of its account. */
    record Node(String id, String code, long handle, String accountId, boolean active) {
    }

    /** The benchmark's users in the realm: the partner's staff member, the register's cashier, and one for epoch bumps. */
    record Users(String partnerId, String cashierId, String bumpId) {
    }

    String realm() {
        return shape.realm();
    }

    String scopeAll() {
        return "all";
    }

    String scopeOfAccount() {
        return "account:" + scopeAccount.code();
    }

    String scopeOfLocation() {
        return "location:" + scopeLocation.code();
    }

    String scopeOfCashier() {
        return "location:" + cashierLocation.code();
    }

    long exceptionsIn(Node account) {
        return exceptions.stream().filter(l -> l.accountId().equals(account.id())).count();
    }
}
