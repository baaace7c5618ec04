package io.branchkey.admin.service;

import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.Set;

import io.branchkey.access.AccessProvider;
import io.branchkey.access.EffectivePermissionRule;
import io.branchkey.access.Grant;
import io.branchkey.access.GrantProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Power over another user: at each node where the target holds a grant (everywhere, or inside the caller's reach
 * as the {@link Act} says; then also at the caller's own grant nodes, where grants of the target made above the
 * caller's reach show), the caller holds everything the target holds there, counting the target's grants that have
 * not started yet. Checking those nodes is enough: below them both sides only gain through further grants, which
 * are checked at their own nodes.
 */
final class Dominance {

    private Dominance() {
    }

    /** The first node where the caller falls short, or null when the caller dominates the target. */
    static String firstShortfall(KeycloakSession session, RealmModel realm, Reach reach, UserModel target, Act act) {
        AccessProvider access = session.getProvider(AccessProvider.class);
        GrantProvider grants = session.getProvider(GrantProvider.class);
        Set<String> nodes = new LinkedHashSet<>();
        grants.ofUser(realm, target.getId()).stream().map(Grant::nodeId)
                .filter(nodeId -> act == Act.WHOLE || reach.sees(nodeId)).forEach(nodes::add);
        if (act == Act.IN_REACH) {
            // the target's grants above the caller's reach show at the top of that reach: the caller's own grant nodes
            grants.ofUser(realm, reach.callerId()).stream().map(Grant::nodeId).filter(reach::sees).forEach(nodes::add);
        }
        long now = System.currentTimeMillis();
        for (String nodeId : nodes) {
            BitSet theirs = EffectivePermissionRule.heldNowOrLater(reach.catalog(),
                    access.grantsReaching(realm, target.getId(), nodeId), now).bits();
            if (!reach.at(nodeId).containsAll(theirs)) {
                return nodeId;
            }
        }
        return null;
    }
}
