package io.branchkey.bench;

import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * One measured API call of one realm; each call draws its own random node, page or search text.
 *
 * @param key   short name, the same in every realm
 * @param call  the call in words, for the report
 * @param path  a random admin path (below /admin/realms/) for each call
 */
record Operation(String key, String call, RealmTree tree, Function<Random, String> path) {

    static final int PAGE = 100;

    /** The operations of the target (subtree, ancestors, children) plus two baselines. */
    static List<Operation> all(RealmTree t) {
        String nodes = t.realm() + "/branchkey/nodes/";
        int accountPages = Math.max(1, t.locationIds().size() / t.accountIds().size() / PAGE);
        int partnerPages = Math.max(1, t.locationIds().size() / PAGE);
        return List.of(
                new Operation("subtree-partner", "`GET nodes/{partner}/subtree?kind=LOCATION&max=100&first=` random page",
                        t, r -> nodes + t.partnerId() + "/subtree?kind=LOCATION&max=100&first=" + PAGE * r.nextInt(partnerPages)),
                new Operation("subtree-partner-q", "`GET nodes/{partner}/subtree?kind=LOCATION&q={city}&max=100`",
                        t, r -> nodes + t.partnerId() + "/subtree?kind=LOCATION&max=100&q=" + city(t.regions().get(r.nextInt(t.regions().size())).state(), r)),
                new Operation("subtree-account", "`GET nodes/{account}/subtree?kind=LOCATION&max=100&first=` random account and page",
                        t, r -> nodes + pick(t.accountIds(), r) + "/subtree?kind=LOCATION&max=100&first=" + PAGE * r.nextInt(accountPages)),
                new Operation("subtree-account-q", "`GET nodes/{account}/subtree?kind=LOCATION&q={city}&max=100`",
                        t, r -> {
                            String account = pick(t.accountIds(), r);
                            return nodes + account + "/subtree?kind=LOCATION&max=100&q=" + city(pick(t.statesOf(account), r), r);
                        }),
                new Operation("subtree-region", "`GET nodes/{region}/subtree?kind=LOCATION&max=100` random region",
                        t, r -> nodes + pick(t.regions(), r).id() + "/subtree?kind=LOCATION&max=100&first=0"),
                new Operation("subtree-region-q", "`GET nodes/{region}/subtree?kind=LOCATION&q={city}&max=100`",
                        t, r -> {
                            RealmTree.Region region = pick(t.regions(), r);
                            return nodes + region.id() + "/subtree?kind=LOCATION&max=100&q=" + city(region.state(), r);
                        }),
                new Operation("ancestors", "`GET nodes/{location}/ancestors` random location",
                        t, r -> nodes + pick(t.locationIds(), r) + "/ancestors"),
                new Operation("children-region", "`GET nodes/{region}/children?max=100` random region",
                        t, r -> nodes + pick(t.regions(), r).id() + "/children?max=100"),
                new Operation("node (baseline)", "`GET nodes/{location}` random location: one node, our smallest read",
                        t, r -> nodes + pick(t.locationIds(), r)),
                new Operation("realm (baseline)", "`GET /admin/realms/{realm}`: Keycloak's own realm representation",
                        t, r -> t.realm()));
    }

    /** A city of the state, in lower case half of the time (the match is case-insensitive). */
    private static String city(UsStates.State state, Random r) {
        String city = pick(state.cities(), r);
        return AdminApi.enc(r.nextBoolean() ? city : city.toLowerCase(java.util.Locale.ROOT));
    }

    private static <T> T pick(List<T> list, Random r) {
        return list.get(r.nextInt(list.size()));
    }
}
