package io.branchkey.schema;

import java.util.List;

import io.branchkey.access.jpa.CatalogStateEntity;
import io.branchkey.access.jpa.GrantEntity;
import io.branchkey.access.jpa.PermissionEntity;
import io.branchkey.access.jpa.RoleGroupEntity;
import io.branchkey.audit.jpa.AuditEntity;
import io.branchkey.device.jpa.DeviceEntity;
import io.branchkey.device.jpa.DeviceNonceEntity;
import io.branchkey.device.jpa.DeviceTypeEntity;
import io.branchkey.device.jpa.DeviceSessionEntity;
import io.branchkey.device.jpa.EnrollmentEntity;
import io.branchkey.override.jpa.OverrideRuleEntity;
import io.branchkey.override.jpa.RedemptionEntity;
import io.branchkey.pin.jpa.PinCredentialEntity;
import io.branchkey.pin.jpa.PinDeviceEntity;
import io.branchkey.pin.jpa.PinLocationEntity;
import io.branchkey.tenancy.jpa.HomeAccountEntity;
import io.branchkey.tenancy.jpa.NodeClosureEntity;
import io.branchkey.tenancy.jpa.TenantMembershipEntity;
import io.branchkey.tenancy.jpa.TenantNodeEntity;
import io.branchkey.tenancy.jpa.TreeLockEntity;

import org.keycloak.Config;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * Registers Branchkey's JPA entities and Liquibase changelog with Keycloak's persistence unit. It knows every
 * capability's entities and one ordered changelog (foreign keys run between capabilities), so it sits in a package
 * of its own that nothing depends on.
 */
public final class BranchkeyJpaEntityProviderFactory implements JpaEntityProviderFactory, JpaEntityProvider {

    public static final String PROVIDER_ID = "branchkey";

    private static final List<Class<?>> ENTITIES = List.of(
            TenantNodeEntity.class,
            NodeClosureEntity.class,
            TenantMembershipEntity.class,
            HomeAccountEntity.class,
            TreeLockEntity.class,
            PermissionEntity.class,
            CatalogStateEntity.class,
            RoleGroupEntity.class,
            GrantEntity.class,
            AuditEntity.class,
            DeviceEntity.class,
            EnrollmentEntity.class,
            DeviceNonceEntity.class,
            DeviceTypeEntity.class,
            DeviceSessionEntity.class,
            OverrideRuleEntity.class,
            RedemptionEntity.class,
            PinCredentialEntity.class,
            PinDeviceEntity.class,
            PinLocationEntity.class);

    @Override
    public JpaEntityProvider create(KeycloakSession session) {
        return this;
    }

    @Override
    public List<Class<?>> getEntities() {
        return ENTITIES;
    }

    @Override
    public String getChangelogLocation() {
        return "META-INF/branchkey-changelog.xml";
    }

    @Override
    public String getFactoryId() {
        return PROVIDER_ID;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }
}
