package io.branchkey.tenancy.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One row per realm, locked for update by every structural change of that realm's tree, so that two concurrent
 * moves can never combine into a cycle (each checks the tree the other left behind). Under that lock it also
 * hands out node handles and counts the tree's versions.
 */
@Entity
@Table(name = "BK_TREE_LOCK")
public class TreeLockEntity {

    @Id
    @Column(name = "REALM_ID", length = 36)
    private String realmId;

    @Column(name = "LAST_HANDLE", nullable = false)
    private long lastHandle;

    @Column(name = "VERSION", nullable = false)
    private long version;

    protected TreeLockEntity() {
    }

    public TreeLockEntity(String realmId) {
        this.realmId = realmId;
    }

    public String getRealmId() { return realmId; }
    public long getVersion() { return version; }

    /** The next node handle: positive, never given out before in this realm. */
    long nextHandle() {
        return ++lastHandle;
    }

    void bumpVersion() {
        version++;
    }
}
