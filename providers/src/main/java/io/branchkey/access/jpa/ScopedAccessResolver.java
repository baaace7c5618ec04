package io.branchkey.access.jpa;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.branchkey.access.AccessScope;
import io.branchkey.access.EffectivePermissionRule;
import io.branchkey.access.GrantedRoleGroup;
import io.branchkey.access.ScopedAccess;
import io.branchkey.access.catalog.PermissionCatalog;
import io.branchkey.tenancy.NodeKind;
import jakarta.persistence.EntityManager;

/**
 * Computes a user's {@link ScopedAccess} with a fixed number of queries, however many locations the grants reach:
 * the user's grants, the ancestry among the nodes they sit on, and for a node scope its path and the grant nodes
 * below it. Every effective set comes from {@link EffectivePermissionRule}.
 */
final class ScopedAccessResolver {

    /** A node with grants, and how far above it each other grant node is. */
    private record Candidate(String nodeId, Map<String, Integer> ancestorsAtDistance) {
    }

    private final EntityManager em;
    private final PermissionCatalog catalog;

    ScopedAccessResolver(EntityManager em, PermissionCatalog catalog) {
        this.em = em;
        this.catalog = catalog;
    }

    ScopedAccess resolve(String realmId, String userId, AccessScope scope, long now) {
        List<GrantRows.Folded> grants = GrantRows.fold(em.createNamedQuery("bkGrantRowsOfUser", Object[].class)
                .setParameter("realmId", realmId).setParameter("userId", userId).getResultList());
        long validUntil = Long.MAX_VALUE;
        Map<String, List<GrantRows.Folded>> activeByNode = new HashMap<>();
        boolean partner = false;
        for (GrantRows.Folded g : grants) {
            validUntil = Math.min(validUntil, g.grant().window().nextChangeAfter(now));
            if (g.grant().window().isActiveAt(now)) {
                activeByNode.computeIfAbsent(g.extra(), n -> new ArrayList<>()).add(g);
                partner |= g.grant().grantedAt() == NodeKind.PARTNER;
            }
        }
        Rule rule = new Rule(activeByNode, now);
        Map<String, Candidate> candidates = candidates(activeByNode.keySet());

        Map<String, BitSet> anchors = new HashMap<>();
        List<String> roleGroups = List.of();
        if (scope.type() == AccessScope.Type.ALL) {
            Set<String> all = candidates.keySet();
            candidates.values().forEach(c -> keepIfDifferent(c, all, new BitSet(), rule, candidates, anchors));
        } else {
            List<String> path = em.createNamedQuery("bkNodeAncestorOrSelfIds", String.class)
                    .setParameter("id", scope.nodeId()).getResultList();
            BitSet atScope = rule.effective(path);
            anchors.put(scope.nodeId(), atScope);
            roleGroups = rule.roleGroups(path);
            Set<String> inner = new HashSet<>(candidatesBelow(scope.nodeId(), candidates.keySet()));
            inner.forEach(id -> keepIfDifferent(candidates.get(id), inner, atScope, rule, candidates, anchors));
        }
        return new ScopedAccess(scope, catalog.version(), anchors, roleGroups, partner, validUntil);
    }

    /** Each grant node with its ancestors among the grant nodes: one query on the closure. */
    private Map<String, Candidate> candidates(Set<String> grantNodes) {
        Map<String, Candidate> candidates = new HashMap<>();
        grantNodes.forEach(id -> candidates.put(id, new Candidate(id, new HashMap<>())));
        if (grantNodes.size() > 1) {
            for (Object[] row : em.createNamedQuery("bkClosurePairsAmong", Object[].class)
                    .setParameter("ids", grantNodes).getResultList()) {
                candidates.get((String) row[1]).ancestorsAtDistance().put((String) row[0], (Integer) row[2]);
            }
        }
        return candidates;
    }

    /** The grant nodes strictly below the node: one query on the closure. */
    private List<String> candidatesBelow(String nodeId, Collection<String> candidateIds) {
        if (candidateIds.isEmpty()) {
            return List.of();
        }
        return em.createNamedQuery("bkClosureDescendantsAmong", String.class)
                .setParameter("ancestorId", nodeId).setParameter("ids", candidateIds).getResultList();
    }

    /**
     * Makes the candidate an anchor unless that changes nothing: unless its set equals the set of its nearest
     * anchor above among {@code eligible} grant nodes, or {@code otherwise} when none of them is above it.
     */
    private static void keepIfDifferent(Candidate candidate, Set<String> eligible, BitSet otherwise, Rule rule,
                                        Map<String, Candidate> candidates, Map<String, BitSet> anchors) {
        BitSet own = rule.effective(pathOf(candidate));
        BitSet above = candidate.ancestorsAtDistance().entrySet().stream()
                .filter(e -> eligible.contains(e.getKey()))
                .min(Map.Entry.comparingByValue())
                .map(e -> rule.effective(pathOf(candidates.get(e.getKey()))))
                .orElse(otherwise);
        if (!own.equals(above)) {
            anchors.put(candidate.nodeId(), own);
        }
    }

    private static List<String> pathOf(Candidate candidate) {
        List<String> path = new ArrayList<>(candidate.ancestorsAtDistance().keySet());
        path.add(candidate.nodeId());
        return path;
    }

    /** The user's grants in force, by node, and THE rule applied to those on a path. */
    private final class Rule {

        private final Map<String, List<GrantRows.Folded>> activeByNode;
        private final long now;

        Rule(Map<String, List<GrantRows.Folded>> activeByNode, long now) {
            this.activeByNode = activeByNode;
            this.now = now;
        }

        /** The effective set at the last node of a path, from the grants on the path's nodes. */
        BitSet effective(Collection<String> pathNodes) {
            List<GrantedRoleGroup> reaching = new ArrayList<>();
            for (String node : new HashSet<>(pathNodes)) {
                activeByNode.getOrDefault(node, List.of()).forEach(g -> reaching.add(g.grant()));
            }
            return EffectivePermissionRule.resolve(catalog, reaching, now).permissions().bits();
        }

        List<String> roleGroups(List<String> path) {
            Set<String> names = new TreeSet<>();
            path.forEach(node -> activeByNode.getOrDefault(node, List.of()).forEach(g -> names.add(g.groupName())));
            return List.copyOf(names);
        }
    }
}
