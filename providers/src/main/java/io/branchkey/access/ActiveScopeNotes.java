package io.branchkey.access;

import java.util.Locale;

import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Where a session keeps its active scope: client-session notes, in one normalised text form. The token side
 * (ActiveScopes in the oidc package) reads and validates them; device logins write them, locked to their location.
 */
public final class ActiveScopeNotes {

    /** Client-session note with the scope in force, normalised to {@code all}, {@code location:<id>}, {@code account:<id>}. */
    public static final String NOTE = "branchkey.active_scope";
    /** Client-session note set by device logins: the scope cannot be changed by later requests. */
    public static final String LOCKED_NOTE = "branchkey.active_scope_locked";

    private ActiveScopeNotes() {
    }

    /** Fixes the login's scope to the location and locks it (a register signs in for its own location only). */
    public static void lockTo(AuthenticationSessionModel authSession, AccessScope scope) {
        authSession.setClientNote(NOTE, format(scope));
        authSession.setClientNote(LOCKED_NOTE, "true");
    }

    public static String format(AccessScope scope) {
        return scope.type() == AccessScope.Type.ALL ? "all"
                : scope.type().name().toLowerCase(Locale.ROOT) + ":" + scope.nodeId();
    }

    /** A scope written by {@link #format}: trusted, it was validated when stored. */
    public static AccessScope parse(String stored) {
        if ("all".equals(stored)) {
            return AccessScope.ALL;
        }
        int colon = stored.indexOf(':');
        AccessScope.Type type = AccessScope.Type.valueOf(stored.substring(0, colon).toUpperCase(Locale.ROOT));
        return new AccessScope(type, stored.substring(colon + 1));
    }
}
