package io.branchkey.tenancy.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One row per realm, locked for update by every structural change of that realm's tree, so that two concurrent
 * moves can never combine into a cycle (each checks the tree the other left behind).
 */
@Entity
@Table(name = "BK_TREE_LOCK")
public class TreeLockEntity {

    @Id
    @Column(name = "REALM_ID", length = 36)
    private String realmId;

    protected TreeLockEntity() {
    }

    public TreeLockEntity(String realmId) {
        this.realmId = realmId;
    }

    public String getRealmId() { return realmId; }
}
