package io.branchkey.admin.service;

/** How far an action on a user reaches, and so how much power over that user a delegated caller needs. */
public enum Act {
    /** Reading: the user must be in the caller's reach, nothing more. */
    VIEW,
    /**
     * Changes confined to the caller's reach (a membership, one of the user's grants there): at every node inside
     * the caller's reach where the user holds a grant, the caller holds everything the user holds there.
     */
    IN_REACH,
    /**
     * Changes to the whole account (email, names, enabled, PIN): they open or close everything the user holds, so the
     * caller must hold, at every node where the user holds a grant, everything the user holds there.
     */
    WHOLE
}
