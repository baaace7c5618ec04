package io.branchkey.access.jpa;

import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.branchkey.access.GrantWindow;
import io.branchkey.access.GrantedRoleGroup;
import io.branchkey.tenancy.NodeKind;

/**
 * Folds the rows of the grant queries — (grant id, node kind, starts, ends, permission index, extra, group name)
 * — into one {@link GrantedRoleGroup} per grant, keeping each grant's extra column (its node or its user) and
 * its role group's name where the query has them.
 */
final class GrantRows {

    record Folded(GrantedRoleGroup grant, String extra, String groupName) {
    }

    private GrantRows() {
    }

    static List<Folded> fold(List<Object[]> rows) {
        Map<String, Folded> byGrant = new LinkedHashMap<>();
        for (Object[] row : rows) {
            Folded folded = byGrant.computeIfAbsent((String) row[0], id -> new Folded(
                    new GrantedRoleGroup((NodeKind) row[1], new GrantWindow((Long) row[2], (Long) row[3]), new BitSet()),
                    row.length > 5 ? (String) row[5] : null, row.length > 6 ? (String) row[6] : null));
            folded.grant().permissions().set((Integer) row[4]);
        }
        return List.copyOf(byGrant.values());
    }
}
