package io.branchkey.access.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Per realm: the catalog version (bumped by every catalog change) and the version of Branchkey's default
 * catalog last merged in. The row is also the lock that serialises catalog changes.
 */
@Entity
@Table(name = "BK_CATALOG")
public class CatalogStateEntity {

    @Id
    @Column(name = "REALM_ID", length = 36)
    private String realmId;

    @Column(name = "VERSION", nullable = false)
    private long version;

    @Column(name = "DEFAULTS_VERSION", nullable = false)
    private int defaultsVersion;

    protected CatalogStateEntity() {
    }

    CatalogStateEntity(String realmId) {
        this.realmId = realmId;
    }

    public String getRealmId() { return realmId; }
    public long getVersion() { return version; }
    public void setVersion(long version) { this.version = version; }
    public int getDefaultsVersion() { return defaultsVersion; }
    public void setDefaultsVersion(int defaultsVersion) { this.defaultsVersion = defaultsVersion; }
}
