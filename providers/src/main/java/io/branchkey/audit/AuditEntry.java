package io.branchkey.audit;

/**
 * One audited action by a caller who is not a realm admin (realm admins' changes are Keycloak admin events).
 *
 * @param actorId      id of the user who acted
 * @param action       what was attempted, e.g. GRANT_CREATE, USER_INVITE, USER_TERMINATE
 * @param nodeId       where it happened (may be null)
 * @param targetUserId whom it concerned (may be null)
 * @param outcome      SUCCESS, or REFUSED for an attempt the rules turned down (an escalation, say)
 * @param details      a short JSON or text description; never a secret
 */
public record AuditEntry(String id, long time, String actorId, String action, String nodeId, String targetUserId,
                         Outcome outcome, String details) {

    public enum Outcome { SUCCESS, REFUSED }
}
