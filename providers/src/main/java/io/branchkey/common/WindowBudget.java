package io.branchkey.common;

import org.keycloak.models.KeycloakSession;

/**
 * A budget of so many events per subject in each fixed window of time, kept in Keycloak's single-use store
 * (shared by the cluster, entries expire by themselves). Each event claims one of the window's numbered slots
 * with the store's atomic putIfAbsent, so parallel callers cannot overdraw it, and a budget is used up exactly
 * when its last slot is taken.
 */
public final class WindowBudget {

    private final String name;
    private final int perWindow;
    private final long windowSeconds;

    /**
     * @param name the budget's namespace in the store
     */
    public WindowBudget(String name, int perWindow, long windowSeconds) {
        this.name = name;
        this.perWindow = perWindow;
        this.windowSeconds = windowSeconds;
    }

    /** Claims one event for the subject; false when this window's budget is used up. */
    public boolean take(KeycloakSession session, String subject) {
        String prefix = prefix(subject);
        for (int slot = 0; slot < perWindow; slot++) {
            if (session.singleUseObjects().putIfAbsent(prefix + slot, windowSeconds)) {
                return true;
            }
        }
        return false;
    }

    /** Whether this window's budget for the subject is used up, without claiming anything. */
    public boolean exhausted(KeycloakSession session, String subject) {
        return session.singleUseObjects().contains(prefix(subject) + (perWindow - 1));
    }

    /** Seconds until the current window ends: what a refused caller should wait (Retry-After). */
    public long secondsLeft() {
        return windowSeconds - nowSeconds() % windowSeconds;
    }

    private String prefix(String subject) {
        return "branchkey." + name + ":" + subject + ":" + nowSeconds() / windowSeconds + ":";
    }

    private static long nowSeconds() {
        return System.currentTimeMillis() / 1000;
    }
}
