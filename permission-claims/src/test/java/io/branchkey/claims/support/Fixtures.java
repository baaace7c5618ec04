package io.branchkey.claims.support;

import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.branchkey.claims.catalog.Catalog;
import io.branchkey.claims.catalog.CatalogPermission;
import io.branchkey.claims.format.CompactPermissions;
import io.branchkey.claims.hierarchy.HierarchySnapshot;
import io.branchkey.claims.hierarchy.HierarchySnapshot.Node;

/**
 * A small hand-built tenant tree and catalog shared by the tests:
 *
 * <pre>
 * P (1, partner)
 * ├── A (2, account "acct-a")
 * │   └── R (5, region "reg-a")
 * │       ├── L12 (location "loc-12")
 * │       └── L13 (location "loc-13")
 * └── B (3, account "acct-b")
 *     ├── L40 (location "loc-40")
 *     └── L41 (location "loc-41")
 * </pre>
 */
public final class Fixtures {

    public static final HierarchySnapshot TREE = HierarchySnapshot.of("t1", List.of(
            new Node(1, 0, "PARTNER", "p"),
            new Node(2, 1, "ACCOUNT", "acct-a"),
            new Node(3, 1, "ACCOUNT", "acct-b"),
            new Node(5, 2, "REGION", "reg-a"),
            new Node(12, 5, "LOCATION", "loc-12"),
            new Node(13, 5, "LOCATION", "loc-13"),
            new Node(40, 3, "LOCATION", "loc-40"),
            new Node(41, 3, "LOCATION", "loc-41")));

    public static final Catalog CATALOG = Catalog.of(3, List.of(CatalogPermission.of(0, "users.view"),
            CatalogPermission.of(1, "orders.export"), CatalogPermission.of(2, "reports.view"),
            CatalogPermission.of(3, "orders.retry"), CatalogPermission.of(4, "locations.update")));

    public static final int USERS_VIEW = 0;
    public static final int ORDERS_EXPORT = 1;
    public static final int REPORTS_VIEW = 2;

    private Fixtures() {
    }

    /** A bk_perms claim as the server writes it: handle, set of indexes, handle, set, ... */
    public static Map<String, Object> perms(long cat, Object... handleThenIndexes) {
        Map<Long, BitSet> anchors = new HashMap<>();
        for (int i = 0; i < handleThenIndexes.length; i += 2) {
            BitSet bits = new BitSet();
            for (int index : (int[]) handleThenIndexes[i + 1]) {
                bits.set(index);
            }
            anchors.put(((Number) handleThenIndexes[i]).longValue(), bits);
        }
        return CompactPermissions.of(cat, anchors).toClaim();
    }

    public static int[] set(int... indexes) {
        return indexes;
    }
}
