package io.branchkey.admin.service;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.branchkey.access.Grant;
import io.branchkey.access.GrantProvider;
import io.branchkey.common.BranchkeyException;
import io.branchkey.tenancy.TenantNodeModel;
import io.branchkey.tenancy.TenantTreeProvider;
import io.branchkey.tenancy.seed.TenantSeeds;
import org.keycloak.events.admin.OperationType;

/** What concerns the realm as a whole: the seed, and where the caller's own grants are. */
public final class RealmService {

    private final Caller caller;

    public RealmService(Caller caller) {
        this.caller = caller;
    }

    /** A node the caller holds grants at, with what they hold there: the entry points of a back-office UI. */
    public record Scope(TenantNodeModel node, List<String> permissions) {
    }

    /**
     * Seeds an empty realm from a seed document (realm-config/seed/*.json: tree, home accounts, memberships,
     * templates and grants), all or nothing.
     */
    public Map<String, Integer> seed(String document) {
        caller.requireRealmRight(Right.MANAGE_REALM, "seed the realm");
        if (document == null || document.isBlank()) {
            throw BranchkeyException.invalid(null, "a seed document is required");
        }
        int nodes = TenantSeeds.apply(caller.session(), caller.realm(), document, "admin API");
        Map<String, Integer> result = Map.of("nodes", nodes);
        caller.record(Change.of(OperationType.CREATE, Change.NODE, "seed").representation(result)
                .audit("SEED", null, null, nodes + " node(s)"));
        return result;
    }

    /** Where the caller's own grants are, with what they hold at each. */
    public List<Scope> myScopes() {
        TenantTreeProvider tree = caller.session().getProvider(TenantTreeProvider.class);
        var access = caller.session().getProvider(io.branchkey.access.AccessProvider.class);
        var catalog = caller.session().getProvider(io.branchkey.access.PermissionCatalogProvider.class).getCatalog(caller.realm());
        return caller.session().getProvider(GrantProvider.class).ofUser(caller.realm(), caller.id()).stream()
                .map(Grant::nodeId).distinct()
                .map(id -> tree.getNode(caller.realm(), id)).filter(Objects::nonNull)
                .map(node -> new Scope(node, access.effectivePermissions(caller.realm(), caller.id(), node.getId()).keys(catalog)))
                .filter(scope -> !scope.permissions().isEmpty())
                .toList();
    }
}
