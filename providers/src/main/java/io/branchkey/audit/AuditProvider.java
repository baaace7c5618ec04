package io.branchkey.audit;

import java.util.List;

import org.keycloak.models.RealmModel;
import org.keycloak.provider.Provider;

/** Branchkey's own audit trail, queryable per node and per user. */
public interface AuditProvider extends Provider {

    /** Records a successful action in the current transaction: it is kept only if the action commits. */
    void success(RealmModel realm, String actorId, String action, String nodeId, String targetUserId, String details);

    /** Records a refused attempt in a transaction of its own, so it survives the refused request's rollback. */
    void refused(RealmModel realm, String actorId, String action, String nodeId, String targetUserId, String details);

    /**
     * Entries newest first. A null filter member matches anything; {@code userId} matches the actor or the target.
     */
    List<AuditEntry> query(RealmModel realm, String nodeId, String userId, int first, int max);

    void removeRealmData(RealmModel realm);
}
