package io.branchkey.admin.service;

import java.util.BitSet;
import java.util.List;

import io.branchkey.access.AccessProvider;
import io.branchkey.access.EffectivePermissionRule;
import io.branchkey.access.Grant;
import io.branchkey.access.GrantProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Power over another user: at each node where the target holds a grant (inside the caller's reach, or everywhere,
 * as the {@link Act} says), the caller holds everything the target holds there, counting the target's grants that
 * have not started yet. Checking the grant nodes is enough: below them both sides only gain through further
 * grants, which are grant nodes of their own.
 */
final class Dominance {

    private Dominance() {
    }

    /** The first node where the caller falls short, or null when the caller dominates the target. */
    static String firstShortfall(KeycloakSession session, RealmModel realm, Reach reach, UserModel target, Act act) {
        AccessProvider access = session.getProvider(AccessProvider.class);
        List<String> grantNodes = session.getProvider(GrantProvider.class).ofUser(realm, target.getId()).stream()
                .map(Grant::nodeId).distinct().toList();
        long now = System.currentTimeMillis();
        for (String nodeId : grantNodes) {
            if (act == Act.IN_REACH && !reach.sees(nodeId)) {
                continue;
            }
            BitSet theirs = EffectivePermissionRule.heldNowOrLater(reach.catalog(),
                    access.grantsReaching(realm, target.getId(), nodeId), now).bits();
            if (!reach.at(nodeId).containsAll(theirs)) {
                return nodeId;
            }
        }
        return null;
    }
}
