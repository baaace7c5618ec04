package io.branchkey.tenancy.jpa;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import io.branchkey.common.RealmRowLock;
import io.branchkey.common.RowLock;
import io.branchkey.tenancy.HomeAccountAttribute;
import io.branchkey.tenancy.NodeDraft;
import io.branchkey.tenancy.NodeKind;
import io.branchkey.tenancy.NodeFilter;
import io.branchkey.common.BranchkeyException;
import io.branchkey.tenancy.TenantNodeModel;
import io.branchkey.tenancy.TenantTreeEvents;
import io.branchkey.tenancy.TenantTreeProvider;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import org.hibernate.exception.ConstraintViolationException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

final class JpaTenantTreeProvider implements TenantTreeProvider {

    private final KeycloakSession session;
    private final EntityManager em;
    private final ClosureTable closure;
    private final NodeQueries queries;

    JpaTenantTreeProvider(KeycloakSession session, EntityManager em) {
        this.session = session;
        this.em = em;
        this.closure = new ClosureTable(em);
        this.queries = new NodeQueries(em);
    }

    @Override
    public TenantNodeModel createNode(RealmModel realm, String parentId, NodeDraft draft) {
        TreeLockEntity lock = lockTree(realm);
        TenantNodeEntity parent = parentId == null ? null : requireEntity(realm, parentId, "parentId");
        if (!draft.kind().mayHaveParent(parent == null ? null : parent.getKind())) {
            throw BranchkeyException.invalid("parentId", draft.kind().parentRule());
        }
        requireFreeCode(realm, draft.code(), "");

        TenantNodeEntity entity = new TenantNodeEntity();
        entity.setId(KeycloakModelUtils.generateId());
        entity.setRealmId(realm.getId());
        entity.setKind(draft.kind());
        entity.setHandle(lock.nextHandle());
        lock.bumpVersion();
        entity.setParentId(parentId);
        entity.setDepth(parent == null ? 0 : parent.getDepth() + 1);
        long now = System.currentTimeMillis();
        entity.setCreatedAt(now);
        apply(entity, draft, now);
        em.persist(entity);
        flush();
        closure.insertNode(realm.getId(), entity);
        // Written and flushed: keep it out of the persistence context, or creating many nodes in one transaction
        // (a seed) would dirty-check every earlier node at each flush, quadratic in the size of the tree.
        em.detach(entity);
        return new TenantNodeAdapter(entity);
    }

    @Override
    public TenantNodeModel getNode(RealmModel realm, String id) {
        TenantNodeEntity entity = findEntity(realm, id);
        return entity == null ? null : new TenantNodeAdapter(entity);
    }

    @Override
    public TenantNodeModel getNodeByCode(RealmModel realm, String code) {
        return em.createNamedQuery("bkNodeByCode", TenantNodeEntity.class)
                .setParameter("realmId", realm.getId())
                .setParameter("code", code)
                .getResultStream().findFirst().<TenantNodeModel>map(TenantNodeAdapter::new).orElse(null);
    }

    @Override
    public TenantNodeModel updateNode(RealmModel realm, String id, NodeDraft draft) {
        TenantNodeEntity entity = requireEntity(realm, id, "id");
        if (entity.getKind() != draft.kind()) {
            throw BranchkeyException.invalid("kind", "kind cannot change (it is " + entity.getKind() + ")");
        }
        requireFreeCode(realm, draft.code(), id);
        boolean renamed = !Objects.equals(entity.getName(), draft.name()) || !Objects.equals(entity.getCode(), draft.code());
        apply(entity, draft, System.currentTimeMillis());
        flush();
        closure.refreshListing(entity);
        if (renamed && entity.getKind() == NodeKind.ACCOUNT) {
            homeAccountUsers(realm, "select h.userId from HomeAccountEntity h where h.nodeId = :id", id)
                    .forEach(user -> HomeAccountAttribute.show(user, entity.getName(), entity.getCode()));
        }
        return new TenantNodeAdapter(entity);
    }

    @Override
    public TenantNodeModel moveNode(RealmModel realm, String id, String newParentId) {
        TreeLockEntity lock = lockTree(realm);
        TenantNodeEntity node = requireEntity(realm, id, "id");
        // Re-read under the lock: another move may have committed since this transaction first saw the node.
        em.refresh(node);
        TenantNodeEntity parent = newParentId == null ? null : requireEntity(realm, newParentId, "parentId");
        if (parent != null) {
            em.refresh(parent);
            if (isAncestorOrSelf(node.getId(), parent.getId())) {
                throw BranchkeyException.conflict("parentId", "a node cannot move into its own subtree");
            }
        }
        if (!node.getKind().mayHaveParent(parent == null ? null : parent.getKind())) {
            throw BranchkeyException.invalid("parentId", node.getKind().parentRule());
        }
        if (Objects.equals(node.getParentId(), newParentId)) {
            return new TenantNodeAdapter(node);
        }
        lock.bumpVersion();
        int newDepth = parent == null ? 0 : parent.getDepth() + 1;
        int delta = newDepth - node.getDepth();
        node.setParentId(newParentId);
        node.setUpdatedAt(System.currentTimeMillis());
        flush();
        closure.moveSubtree(node.getId(), newParentId);
        closure.shiftDepths(node.getId(), delta);
        em.refresh(node);
        session.getKeycloakSessionFactory().publish(new TenantTreeEvents.SubtreeMoved(session, realm, id));
        return new TenantNodeAdapter(node);
    }

    @Override
    public void removeNode(RealmModel realm, String id, boolean cascade) {
        TreeLockEntity lock = lockTree(realm);
        TenantNodeEntity node = requireEntity(realm, id, "id");
        boolean hasChildren = em.createNamedQuery("bkNodeHasChildren", Long.class)
                .setParameter("id", id).getSingleResult() > 0;
        if (hasChildren && !cascade) {
            throw BranchkeyException.conflict(null, "the node has children: delete them first or pass cascade=true");
        }
        session.getKeycloakSessionFactory().publish(new TenantTreeEvents.SubtreeRemoving(session, realm, id, cascade));
        // The database drops the home accounts in the subtree with their nodes; their copies go here.
        homeAccountUsers(realm, "select h.userId from NodeClosureEntity c join HomeAccountEntity h on h.nodeId = c.descendantId"
                + " where c.ancestorId = :id", id).forEach(HomeAccountAttribute::clear);
        lock.bumpVersion();
        flush();
        em.detach(node);
        closure.deleteSubtree(id);
    }

    @Override
    public Stream<TenantNodeModel> searchNodes(RealmModel realm, NodeFilter filter, int first, int max) {
        return stream(queries.realmNodes(realm.getId(), filter, first, max));
    }

    @Override
    public Stream<TenantNodeModel> getRoots(RealmModel realm, int first, int max) {
        return stream(queries.roots(realm.getId(), first, max));
    }

    @Override
    public Stream<TenantNodeModel> getChildren(RealmModel realm, String id, int first, int max) {
        requireEntity(realm, id, "id");
        return stream(queries.children(id, first, max));
    }

    @Override
    public Stream<TenantNodeModel> getSubtree(RealmModel realm, String id, NodeFilter filter, int first, int max) {
        requireEntity(realm, id, "id");
        return stream(queries.subtreePage(id, filter, first, max));
    }

    @Override
    public long countSubtree(RealmModel realm, String id, NodeFilter filter) {
        requireEntity(realm, id, "id");
        return queries.countSubtree(id, filter).getSingleResult();
    }

    @Override
    public List<TenantNodeModel> getAncestors(RealmModel realm, String id) {
        requireEntity(realm, id, "id");
        return em.createNamedQuery("bkNodeAncestors", TenantNodeEntity.class).setParameter("id", id)
                .getResultStream().<TenantNodeModel>map(TenantNodeAdapter::new).toList();
    }

    @Override
    public List<String> getAncestorOrSelfIds(RealmModel realm, String id) {
        List<String> ids = em.createNamedQuery("bkNodeAncestorOrSelfIds", String.class).setParameter("id", id)
                .getResultList();
        // The closure is per realm, but the id came from a caller: make sure it is this realm's node.
        return ids.isEmpty() || findEntity(realm, id) == null ? List.of() : ids;
    }

    @Override
    public long getTreeVersion(RealmModel realm) {
        TreeLockEntity lock = em.find(TreeLockEntity.class, realm.getId());
        return lock == null ? 0 : lock.getVersion();
    }

    @Override
    public Map<String, Long> getHandles(RealmModel realm, java.util.Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<String, Long> handles = new java.util.HashMap<>();
        for (Object[] row : em.createNamedQuery("bkNodeHandles", Object[].class).setParameter("ids", ids).getResultList()) {
            handles.put((String) row[0], (Long) row[1]);
        }
        return handles;
    }

    @Override
    public List<Long> getPathHandles(RealmModel realm, String id) {
        return id == null ? List.of() : em.createNamedQuery("bkNodePathHandles", Long.class)
                .setParameter("id", id).setParameter("realmId", realm.getId()).getResultList();
    }

    @Override
    public List<io.branchkey.tenancy.NodeOutline> getOutline(RealmModel realm) {
        return em.createNamedQuery("bkNodeOutline", Object[].class).setParameter("realmId", realm.getId())
                .getResultStream()
                .map(row -> new io.branchkey.tenancy.NodeOutline((String) row[0], (Long) row[1],
                        row[2] == null ? 0 : (Long) row[2], (io.branchkey.tenancy.NodeKind) row[3]))
                .toList();
    }

    @Override
    public void removeRealmData(RealmModel realm) {
        session.getKeycloakSessionFactory().publish(new TenantTreeEvents.RealmDataRemoving(session, realm));
        em.flush();
        closure.deleteRealm(realm.getId());
    }

    @Override
    public void close() {
    }

    @Override
    public void lockStructure(RealmModel realm) {
        lockTree(realm);
    }

    @Override
    public void lockNode(RealmModel realm, String id) {
        TenantNodeEntity node = id == null ? null : RowLock.lock(em, TenantNodeEntity.class, id);
        if (node != null && !node.getRealmId().equals(realm.getId())) {
            throw new IllegalArgumentException("node " + id + " is not of realm " + realm.getName());
        }
    }

    /** Serialises structural changes of the realm's tree, so two concurrent moves can never form a cycle. */
    private TreeLockEntity lockTree(RealmModel realm) {
        return RealmRowLock.acquire(session, em, TreeLockEntity.class, realm.getId(), () -> new TreeLockEntity(realm.getId()));
    }

    private TenantNodeEntity findEntity(RealmModel realm, String id) {
        if (id == null) {
            return null;
        }
        return em.createNamedQuery("bkNodeById", TenantNodeEntity.class)
                .setParameter("id", id)
                .setParameter("realmId", realm.getId())
                .getResultStream().findFirst().orElse(null);
    }

    private TenantNodeEntity requireEntity(RealmModel realm, String id, String field) {
        TenantNodeEntity entity = findEntity(realm, id);
        if (entity == null) {
            throw BranchkeyException.notFound(field, "no node with id " + id);
        }
        return entity;
    }

    private boolean isAncestorOrSelf(String ancestorId, String id) {
        return em.createNamedQuery("bkNodeIsAncestorOrSelf", Long.class)
                .setParameter("ancestorId", ancestorId).setParameter("id", id).getSingleResult() > 0;
    }

    private void requireFreeCode(RealmModel realm, String code, String ownId) {
        if (code != null && em.createNamedQuery("bkNodeCodeTaken", Long.class)
                .setParameter("realmId", realm.getId()).setParameter("code", code).setParameter("id", ownId)
                .getSingleResult() > 0) {
            throw BranchkeyException.conflict("code", "code " + code + " is already used by another node");
        }
    }

    private static void apply(TenantNodeEntity entity, NodeDraft draft, long now) {
        entity.setName(draft.name());
        entity.setCode(draft.code());
        entity.setStatus(draft.status());
        entity.setTimezone(draft.timezone());
        entity.setAddressLine1(draft.address().line1());
        entity.setAddressLine2(draft.address().line2());
        entity.setCity(draft.address().city());
        entity.setRegion(draft.address().region());
        entity.setPostalCode(draft.address().postalCode());
        entity.setCountry(draft.address().country());
        entity.getExternalIds().clear();
        entity.getExternalIds().putAll(draft.externalIds());
        entity.setUpdatedAt(now);
    }

    /** The users whose home account the query (with parameter id) finds. */
    private Stream<UserModel> homeAccountUsers(RealmModel realm, String query, String nodeId) {
        return em.createQuery(query, String.class).setParameter("id", nodeId).getResultList().stream()
                .map(userId -> session.users().getUserById(realm, userId))
                .filter(Objects::nonNull);
    }

    /** Flushes, turning a unique-code race that slipped past the pre-check into a conflict. */
    private void flush() {
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (e.getCause() instanceof ConstraintViolationException violation && violation.getConstraintName() != null
                    && violation.getConstraintName().toUpperCase(java.util.Locale.ROOT).contains("UK_BK_NODE_REALM_CODE")) {
                throw BranchkeyException.conflict("code", "the code is already used by another node");
            }
            throw e;
        }
    }

    private static Stream<TenantNodeModel> stream(TypedQuery<Object[]> page) {
        return ListedNode.fold(page.getResultList()).stream();
    }
}
