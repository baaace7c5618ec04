package io.branchkey.access.seed;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.branchkey.access.GrantProvider;
import io.branchkey.access.GrantWindow;
import io.branchkey.access.RoleGroup;
import io.branchkey.access.RoleGroupProvider;
import io.branchkey.common.BranchkeyException;
import io.branchkey.tenancy.TenantNodeModel;
import io.branchkey.tenancy.TenantTreeEvents;
import io.branchkey.tenancy.TenantTreeProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Reads the {@code access} section of a tenant seed file, right after its tree was created and in the same
 * transaction: the shipped role-group templates to load and the grants to make, by username, node code and
 * template name. A mistake in the section rolls the whole seed back, tree included.
 */
public final class AccessSeedImporter {

    /** Who a seeded grant names as its grantor. */
    public static final String GRANTED_BY = "seed";

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    record AccessSeed(List<String> templates, List<SeedGrant> grants) {

        AccessSeed {
            templates = templates == null ? List.of() : templates;
            grants = grants == null ? List.of() : grants;
        }
    }

    /** {@code roleGroup} is a template's name; times are ISO-8601 instants or absent. */
    record SeedGrant(String username, String node, String roleGroup, String startsAt, String endsAt) {

        GrantWindow window() {
            return new GrantWindow(instant("startsAt", startsAt), instant("endsAt", endsAt));
        }

        private static Long instant(String field, String value) {
            try {
                return value == null ? null : java.time.Instant.parse(value).toEpochMilli();
            } catch (java.time.format.DateTimeParseException e) {
                throw BranchkeyException.invalid(field, field + " must be an ISO-8601 instant such as 2026-01-31T18:00:00Z");
            }
        }
    }

    private AccessSeedImporter() {
    }

    public static void onTreeSeeded(TenantTreeEvents.TreeSeeded seeded) {
        JsonNode section = seeded.sections().get("access");
        if (section == null) {
            return;
        }
        AccessSeed seed;
        try {
            seed = JSON.treeToValue(section, AccessSeed.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw BranchkeyException.invalid("access", "the access section of " + seeded.source() + " is invalid: "
                    + e.getOriginalMessage());
        }
        importSeed(seeded.session(), seeded.realm(), seed);
    }

    private static void importSeed(KeycloakSession session, RealmModel realm, AccessSeed seed) {
        RoleGroupProvider groups = session.getProvider(RoleGroupProvider.class);
        seed.templates().forEach(system -> groups.loadTemplates(realm, system));
        Map<String, RoleGroup> templates = groups.templates(realm).stream()
                .collect(java.util.stream.Collectors.toMap(RoleGroup::name, g -> g));
        TenantTreeProvider tree = session.getProvider(TenantTreeProvider.class);
        GrantProvider grants = session.getProvider(GrantProvider.class);
        for (SeedGrant grant : seed.grants()) {
            RoleGroup group = templates.get(grant.roleGroup());
            if (group == null) {
                throw BranchkeyException.notFound("roleGroup", "the seed grants " + grant.roleGroup()
                        + ", which is no template of the realm (load its system under templates)");
            }
            TenantNodeModel node = tree.getNodeByCode(realm, grant.node());
            if (node == null) {
                throw BranchkeyException.notFound("node", "the seed grants at node code " + grant.node() + ", which it does not define");
            }
            UserModel user = session.users().getUserByUsername(realm, grant.username());
            if (user == null) {
                throw BranchkeyException.notFound("username", "the seed grants to user " + grant.username() + ", who does not exist");
            }
            grants.grant(realm, user.getId(), node.getId(), group.id(), grant.window(), GRANTED_BY);
        }
    }
}
