package io.branchkey.bench;

import java.util.List;
import java.util.Map;

/**
 * A realm of the access benchmark: a tenant tree, its users and their grants.
 *
 * @param grantsPerUser every user holds exactly this many grants (several may be at the same node)
 */
record AccessShape(TreeShape tree, int users, int grantsPerUser) {

    /** 100 locations, 1,000 users, 10,000 grants: the per-user density of the large realm on a small tree. */
    static final AccessShape SMALL = new AccessShape(TreeShape.SMALL, 1_000, 10);
    /** The scale: 10,000 locations, 100,000 users, 1,000,000 grants. */
    static final AccessShape LARGE = new AccessShape(TreeShape.LARGE, 100_000, 10);

    /** The shipped template systems loaded into each realm. */
    static final List<String> TEMPLATE_SYSTEMS = List.of("klicktrack", "dutchie", "deliverect");

    /**
     * The role groups granted at each level, by template name (a dozen in all): what such a grant typically is
     * (see each template's typicalLevel). Manager groups appear both at locations' regions and at regions.
     */
    static final Map<String, List<String>> ROLE_GROUPS_BY_LEVEL = Map.of(
            "LOCATION", List.of("KlickTrack Budtender", "KlickTrack Cashier", "KlickTrack Shift Lead", "KlickTrack Manager",
                    "Dutchie Budtender", "Deliverect Employee"),
            "REGION", List.of("KlickTrack Regional Manager", "KlickTrack Manager", "Dutchie Manager"),
            "ACCOUNT", List.of("KlickTrack Admin", "Dutchie Admin", "Deliverect Account Manager"),
            "PARTNER", List.of("Deliverect Partner"));

    String realm() {
        return tree.realm();
    }

    long grants() {
        return (long) users * grantsPerUser;
    }

    String describe() {
        return String.format("%s; %,d users, %,d grants (%d per user)", tree.describe(), users, grants(), grantsPerUser);
    }
}
