package io.branchkey.admin.service;

import java.util.List;

import io.branchkey.audit.AuditEntry;
import io.branchkey.audit.AuditProvider;

/**
 * Branchkey's audit trail of delegated actions (a realm admin's own changes are Keycloak admin events). A realm
 * admin with view-events reads all of it; anyone else the trail of a node or of a user where they hold audit.view,
 * without the entries at nodes where they do not.
 */
public final class AuditService {

    private final Caller caller;

    public AuditService(Caller caller) {
        this.caller = caller;
    }

    public List<AuditEntry> query(String nodeId, String userId, int first, int max) {
        if (nodeId == null && userId == null) {
            caller.requireRealmRight(Right.READ_ALL_AUDIT, "read the whole audit trail: give nodeId or userId");
        }
        if (nodeId != null) {
            caller.node(nodeId, "nodeId", Right.VIEW_AUDIT);
        }
        if (userId != null) {
            caller.user(userId, "userId", Right.VIEW_AUDIT);
        }
        // A user's trail may cross into places the caller cannot see: those entries are left out, and so are, for
        // anyone but realm admins, entries that name no place.
        return caller.session().getProvider(AuditProvider.class).query(caller.realm(), nodeId, userId, first, max).stream()
                .filter(e -> caller.may(e.nodeId(), Right.VIEW_AUDIT))
                .toList();
    }
}
