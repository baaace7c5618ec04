package io.branchkey.override.jpa;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.branchkey.access.PermissionCatalogProvider;
import io.branchkey.override.EffectiveRule;
import io.branchkey.override.OverridePolicyProvider;
import io.branchkey.override.OverrideRule;
import io.branchkey.common.BranchkeyException;
import io.branchkey.tenancy.TenantTreeProvider;
import jakarta.persistence.EntityManager;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

final class JpaOverridePolicyProvider implements OverridePolicyProvider {

    private final KeycloakSession session;
    private final EntityManager em;
    private final long approvalSeconds;

    JpaOverridePolicyProvider(KeycloakSession session, EntityManager em, long approvalSeconds) {
        this.session = session;
        this.em = em;
        this.approvalSeconds = approvalSeconds;
    }

    @Override
    public long approvalLifetimeSeconds() {
        return approvalSeconds;
    }

    @Override
    public List<OverrideRule> rulesAt(RealmModel realm, String nodeId) {
        return em.createNamedQuery("bkOverrideRulesAt", OverrideRuleEntity.class)
                .setParameter("nodeId", nodeId).setParameter("realmId", realm.getId())
                .getResultStream().map(OverrideRuleEntity::toRule).toList();
    }

    @Override
    public OverrideRule setRule(RealmModel realm, String nodeId, OverrideRule rule, String changedBy) {
        if (session.getProvider(TenantTreeProvider.class).getNode(realm, nodeId) == null) {
            throw BranchkeyException.notFound("nodeId", "no node with id " + nodeId);
        }
        if (session.getProvider(PermissionCatalogProvider.class).getCatalog(realm).get(rule.approverPermission()) == null) {
            throw BranchkeyException.invalid("approverPermission", "the catalog has no permission " + rule.approverPermission());
        }
        OverrideRuleEntity entity = em.find(OverrideRuleEntity.class, new OverrideRuleEntity.Key(nodeId, rule.action()));
        if (entity == null) {
            entity = new OverrideRuleEntity(realm.getId(), nodeId, rule.action());
            entity.apply(rule, changedBy, System.currentTimeMillis());
            em.persist(entity);
        } else {
            entity.apply(rule, changedBy, System.currentTimeMillis());
        }
        em.flush();
        return entity.toRule();
    }

    @Override
    public boolean removeRule(RealmModel realm, String nodeId, String action) {
        OverrideRuleEntity entity = em.find(OverrideRuleEntity.class, new OverrideRuleEntity.Key(nodeId, action));
        if (entity == null || !realm.getId().equals(entity.getRealmId())) {
            return false;
        }
        em.remove(entity);
        em.flush();
        return true;
    }

    @Override
    public List<EffectiveRule> effectiveAt(RealmModel realm, String nodeId) {
        Map<String, EffectiveRule> nearest = new LinkedHashMap<>();
        for (Object[] row : em.createNamedQuery("bkOverrideRulesOnPath", Object[].class)
                .setParameter("nodeId", nodeId).setParameter("realmId", realm.getId()).getResultList()) {
            OverrideRuleEntity entity = (OverrideRuleEntity) row[0];
            nearest.putIfAbsent(entity.getAction(), new EffectiveRule(entity.toRule(), entity.getNodeId()));
        }
        List<EffectiveRule> rules = new ArrayList<>(nearest.values());
        rules.sort(java.util.Comparator.comparing(r -> r.rule().action()));
        return rules;
    }

    @Override
    public EffectiveRule effectiveRule(RealmModel realm, String nodeId, String action) {
        return effectiveAt(realm, nodeId).stream().filter(r -> r.rule().action().equals(action)).findFirst().orElse(null);
    }

    @Override
    public void close() {
    }
}
