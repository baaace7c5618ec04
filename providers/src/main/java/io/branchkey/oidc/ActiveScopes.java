package io.branchkey.oidc;

import java.util.Locale;



import io.branchkey.access.AccessProvider;
import io.branchkey.access.AccessScope;
import io.branchkey.access.ActiveScopeNotes;
import io.branchkey.tenancy.TenantNodeModel;
import io.branchkey.tenancy.TenantTreeProvider;
import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.protocol.oidc.endpoints.AuthorizationEndpoint;

/**
 * The active scope of a client session (docs/claims.md): chosen with {@code branchkey_scope} on the authorization
 * request or on any token request, kept as a client-session note so refreshes keep it, {@code all} otherwise.
 * Device logins fix it to the device's location and lock it.
 */
public final class ActiveScopes {

    public static final String PARAMETER = "branchkey_scope";
    /** Client-session note with the scope in force (see ActiveScopeNotes). */
    public static final String NOTE = ActiveScopeNotes.NOTE;
    /** Client-session note set by device logins: the parameter is then ignored. */
    public static final String LOCKED_NOTE = ActiveScopeNotes.LOCKED_NOTE;

    private static final String AUTH_REQUEST_NOTE = AuthorizationEndpoint.LOGIN_SESSION_NOTE_ADDITIONAL_REQ_PARAMS_PREFIX + PARAMETER;
    private static final int MAX_VALUE_LENGTH = 300;

    private ActiveScopes() {
    }

    /**
     * The scope the current token is issued for. A scope requested now (token request) or first seen now
     * (authorization request) is validated and stored in the client session.
     *
     * @throws ActiveScopeException when the requested scope is not one the user can have
     */
    static AccessScope current(KeycloakSession session, AuthenticatedClientSessionModel clientSession, UserModel user) {
        RealmModel realm = clientSession.getRealm();
        boolean locked = "true".equals(clientSession.getNote(LOCKED_NOTE));
        String requested = locked ? null : TokenRequests.formParameter(session, PARAMETER);
        if (requested == null && !locked && clientSession.getNote(NOTE) == null) {
            requested = clientSession.getNote(AUTH_REQUEST_NOTE);
        }
        if (requested != null) {
            AccessScope scope = validated(session, realm, user, requested);
            clientSession.setNote(NOTE, ActiveScopeNotes.format(scope));
            return scope;
        }
        String stored = clientSession.getNote(NOTE);
        return stored == null ? AccessScope.ALL : parseStored(stored);
    }

    /** A scope written by {@link ActiveScopeNotes#format}: trusted, it was validated when stored. */
    static AccessScope parseStored(String stored) {
        return ActiveScopeNotes.parse(stored);
    }

    /** Parses {@code all}, {@code location:<id or code>} or {@code account:<id or code>} and checks the user may have it. */
    static AccessScope validated(KeycloakSession session, RealmModel realm, UserModel user, String requested) {
        String value = requested.trim();
        if (value.equals("all")) {
            return AccessScope.ALL;
        }
        int colon = value.indexOf(':');
        if (colon <= 0 || value.length() > MAX_VALUE_LENGTH) {
            throw new ActiveScopeException("use all, location:<id or code> or account:<id or code>");
        }
        AccessScope.Type type;
        try {
            type = AccessScope.Type.valueOf(value.substring(0, colon).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ActiveScopeException("use all, location:<id or code> or account:<id or code>");
        }
        if (type == AccessScope.Type.ALL) {
            throw new ActiveScopeException("all takes no node");
        }
        String ref = value.substring(colon + 1);
        TenantTreeProvider tree = session.getProvider(TenantTreeProvider.class);
        TenantNodeModel node = tree.getNode(realm, ref);
        if (node == null) {
            node = tree.getNodeByCode(realm, ref);
        }
        // One message for unknown nodes, nodes of another kind and nodes without permissions: no probing.
        String refused = "no " + type.name().toLowerCase(Locale.ROOT) + " " + ref + " where you hold permissions";
        if (node == null || node.getKind() != type.nodeKind()) {
            throw new ActiveScopeException(refused);
        }
        AccessScope scope = new AccessScope(type, node.getId());
        if (session.getProvider(AccessProvider.class).scopedAccess(realm, user.getId(), scope).isEmpty()) {
            throw new ActiveScopeException(refused);
        }
        return scope;
    }
}
