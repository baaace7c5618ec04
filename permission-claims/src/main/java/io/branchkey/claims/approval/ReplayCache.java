package io.branchkey.claims.approval;

import java.time.Instant;

/**
 * Remembers used approvals until they expire, so each is accepted once. Implementations shared by several
 * instances of a resource server (a database table, Redis SET NX with expiry) make that hold across them.
 */
public interface ReplayCache {

    /**
     * Records the id, atomically.
     *
     * @param id        the approval's jti, not null
     * @param expiresAt until when the approval can still be accepted: its expiry plus the verifier's clock skew. The
     *                  id must be kept at least until then, and may be forgotten after
     * @return true the first time the id is seen, false for every later time
     */
    boolean firstUse(String id, Instant expiresAt);
}
