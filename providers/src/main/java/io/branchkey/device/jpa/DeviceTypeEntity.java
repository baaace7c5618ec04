package io.branchkey.device.jpa;

import java.io.Serializable;
import java.util.Objects;

import io.branchkey.device.DeviceType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

@Entity
@IdClass(DeviceTypeEntity.Key.class)
@Table(name = "BK_DEVICE_TYPE")
@NamedQuery(name = "bkDeviceTypesOfRealm", query = "select t from DeviceTypeEntity t where t.realmId = :realmId order by t.name")
public class DeviceTypeEntity {

    @Id
    @Column(name = "REALM_ID", length = 36)
    private String realmId;

    @Id
    @Column(name = "NAME", length = 64)
    private String name;

    @Column(name = "DISPLAY_NAME", length = 255, nullable = false)
    private String displayName;

    @Column(name = "LOGIN_PERMISSION", length = 128, nullable = false)
    private String loginPermission;

    @Column(name = "ROLE_GROUP_ID", length = 36)
    private String roleGroupId;

    protected DeviceTypeEntity() {
    }

    DeviceTypeEntity(String realmId, DeviceType type) {
        this.realmId = realmId;
        this.name = type.name();
        apply(type);
    }

    void apply(DeviceType type) {
        this.displayName = type.displayName();
        this.loginPermission = type.loginPermission();
        this.roleGroupId = type.roleGroupId();
    }

    DeviceType toModel() {
        return new DeviceType(name, displayName, loginPermission, roleGroupId);
    }

    public record Key(String realmId, String name) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof DeviceTypeEntity other && Objects.equals(realmId, other.realmId)
                && Objects.equals(name, other.name);
    }

    @Override
    public int hashCode() {
        return Objects.hash(realmId, name);
    }
}
