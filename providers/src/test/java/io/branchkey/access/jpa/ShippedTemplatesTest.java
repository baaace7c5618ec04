package io.branchkey.access.jpa;

import static io.branchkey.tenancy.NodeKind.ACCOUNT;
import static io.branchkey.tenancy.NodeKind.LOCATION;
import static io.branchkey.tenancy.NodeKind.PARTNER;
import static io.branchkey.tenancy.NodeKind.REGION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.branchkey.access.RoleGroupDraft;
import io.branchkey.access.catalog.DefaultCatalog;
import io.branchkey.access.catalog.Permission;
import io.branchkey.access.catalog.PermissionCatalog;
import io.branchkey.tenancy.NodeKind;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shipped role-group templates (realm-config/templates) against the statements of their source documents,
 * checked on the permissions a grant of the group would make effective (implications and minimum levels applied).
 */
class ShippedTemplatesTest {

    static final List<String> SYSTEMS = List.of("klicktrack", "deliverect", "dutchie", "tracktik", "techtrack");
    static final Map<String, String> PRODUCT_NAMES = Map.of("klicktrack", "KlickTrack", "deliverect", "Deliverect",
            "dutchie", "Dutchie", "tracktik", "TrackTik", "techtrack", "techTRACK");

    private static final PermissionCatalog CATALOG =
            PermissionCatalog.of(DefaultCatalog.version(), DefaultCatalog.permissions());
    private static final Map<String, RoleGroupTemplates.TemplateGroup> GROUPS = new LinkedHashMap<>();

    static {
        for (String system : SYSTEMS) {
            for (RoleGroupTemplates.TemplateGroup group : RoleGroupTemplates.load(system).roleGroups()) {
                GROUPS.putIfAbsent(group.name(), group);
            }
        }
    }

    static RoleGroupTemplates.TemplateGroup group(String name) {
        assertThat(GROUPS).as("template groups").containsKey(name);
        return GROUPS.get(name);
    }

    /** What a grant of the template group at a node of kind {@code at} makes effective. */
    static Set<String> effective(String groupName, NodeKind at) {
        BitSet bits = new BitSet();
        for (String key : group(groupName).permissions()) {
            CATALOG.addEffective(bits, CATALOG.get(key).index(), at);
        }
        return keys(bits);
    }

    static Set<String> keys(BitSet bits) {
        return bits.stream().mapToObj(i -> CATALOG.get(i).key()).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The documentation fields the loader ignores (typicalLevel, notes), read from the same resource. */
    static JsonNode raw(String system) {
        try (InputStream in = ShippedTemplatesTest.class.getResourceAsStream("/branchkey/templates/" + system + ".json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static NodeKind typicalLevel(String groupName) {
        for (String system : SYSTEMS) {
            for (JsonNode g : raw(system).get("roleGroups")) {
                if (g.get("name").asText().equals(groupName)) {
                    return NodeKind.valueOf(g.get("typicalLevel").asText());
                }
            }
        }
        throw new AssertionError("no template group " + groupName);
    }

    static List<String> groupsOf(String system) {
        return RoleGroupTemplates.load(system).roleGroups().stream().map(RoleGroupTemplates.TemplateGroup::name).toList();
    }

    /** A statement of a source document about one group granted at one level: what it may and may not do. */
    static Arguments statement(String text, String group, NodeKind at, List<String> has, List<String> lacks) {
        return arguments(text, group, at, has, lacks);
    }

    static void check(String group, NodeKind at, List<String> has, List<String> lacks) {
        Set<String> effective = effective(group, at);
        assertThat(effective).as("%s granted at %s", group, at).containsAll(has);
        lacks.forEach(key -> assertThat(effective).as("%s granted at %s", group, at).doesNotContain(key));
    }

    @Nested
    @DisplayName("the files")
    class TheFiles {

        @ParameterizedTest(name = "{0}")
        @MethodSource("io.branchkey.access.jpa.ShippedTemplatesTest#systems")
        @DisplayName("each loads, names its system and product, and has groups")
        void loads(String system) {
            RoleGroupTemplates.TemplateFile file = RoleGroupTemplates.load(system);
            assertThat(file.system()).isEqualTo(system);
            assertThat(file.name()).startsWith(PRODUCT_NAMES.get(system));
            assertThat(file.description()).isNotBlank();
            assertThat(file.roleGroups()).isNotEmpty();
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("io.branchkey.access.jpa.ShippedTemplatesTest#systems")
        @DisplayName("every group is a valid draft of catalog permissions, prefixed with the product name, with a "
                + "description, a typical level and notes")
        void validGroups(String system) {
            for (JsonNode g : raw(system).get("roleGroups")) {
                String name = g.get("name").asText();
                assertThat(name).startsWith(PRODUCT_NAMES.get(system) + " ");
                assertThat(g.get("description").asText()).as("description of %s", name).isNotBlank();
                assertThat(g.has("notes")).as("notes of %s", name).isTrue();
                assertThatCode(() -> NodeKind.valueOf(g.get("typicalLevel").asText())).as("level of %s", name)
                        .doesNotThrowAnyException();
            }
            for (RoleGroupTemplates.TemplateGroup g : RoleGroupTemplates.load(system).roleGroups()) {
                assertThatCode(() -> new RoleGroupDraft(g.name(), g.description(), g.permissions())).as(g.name())
                        .doesNotThrowAnyException();
                assertThat(g.permissions()).as(g.name()).isNotEmpty().doesNotHaveDuplicates()
                        .allSatisfy(key -> assertThat(CATALOG.get(key)).as("%s: %s", g.name(), key).isNotNull());
            }
        }

        @Test
        @DisplayName("group names are unique across the five systems (they share the realm's template namespace)")
        void uniqueNames() {
            Set<String> seen = new HashSet<>();
            for (String system : SYSTEMS) {
                for (String name : groupsOf(system)) {
                    assertThat(seen.add(name)).as("%s (in %s) repeats", name, system).isTrue();
                }
            }
        }

        @Test
        @DisplayName("no group holds a permission that granted at its typical level would not take effect")
        void noDeadPermissions() {
            for (var entry : GROUPS.entrySet()) {
                NodeKind at = typicalLevel(entry.getKey());
                for (String key : entry.getValue().permissions()) {
                    Permission p = CATALOG.get(key);
                    if (p.minLevel() != null) {
                        assertThat(at.isAtOrAbove(p.minLevel())).as("%s holds %s at %s", entry.getKey(), key, at)
                                .isTrue();
                    }
                }
            }
        }

        @Test
        @DisplayName("realm-admin-only permissions appear in the TrackTik Superuser group only")
        void realmAdminOnly() {
            for (var entry : GROUPS.entrySet()) {
                boolean any = entry.getValue().permissions().stream().anyMatch(k -> CATALOG.get(k).realmAdminOnly());
                assertThat(any).as(entry.getKey()).isEqualTo(entry.getKey().equals("TrackTik Superuser"));
            }
        }
    }

    static Stream<String> systems() {
        return SYSTEMS.stream();
    }

    @Nested
    @DisplayName("KlickTrack")
    class KlickTrack {

        @ParameterizedTest(name = "{0}")
        @MethodSource("io.branchkey.access.jpa.ShippedTemplatesTest#klickTrackStatements")
        @DisplayName("the role definitions")
        void statements(String text, String group, NodeKind at, List<String> has, List<String> lacks) {
            check(group, at, has, lacks);
        }

        @Test
        @DisplayName("Shift Lead: the same app access as Budtender and Cashier, plus manager overrides")
        void shiftLead() {
            Set<String> expected = new TreeSet<>(effective("KlickTrack Budtender", LOCATION));
            expected.addAll(effective("KlickTrack Cashier", LOCATION));
            expected.add("overrides.approve");
            assertThat(effective("KlickTrack Shift Lead", LOCATION)).isEqualTo(expected);
        }

        @Test
        @DisplayName("Marketing Manager: SMS only, campaigns and products; nothing else")
        void marketingManager() {
            assertThat(effective("KlickTrack Marketing Manager", ACCOUNT))
                    .containsExactlyInAnyOrder("sms.access", "sms.campaigns.create", "products.view");
        }

        @Test
        @DisplayName("only Budtender, Cashier and Shift Lead sign in at registers (a manager must also select them)")
        void whoUsesRegisters() {
            assertThat(groupsOf("klicktrack").stream()
                    .filter(g -> effective(g, LOCATION).contains("register.access")))
                    .containsExactlyInAnyOrder("KlickTrack Budtender", "KlickTrack Cashier", "KlickTrack Shift Lead");
        }

        @Test
        @DisplayName("Regional Manager is typically granted at a region")
        void regionalManagerAtRegion() {
            assertThat(typicalLevel("KlickTrack Regional Manager")).isEqualTo(REGION);
        }
    }

    static Stream<Arguments> klickTrackStatements() {
        return Stream.of(
                statement("Admin: create and modify app users, update PINs, passwords and roles", "KlickTrack Admin",
                        ACCOUNT, List.of("users.invite", "users.update", "pins.reset", "users.reset-password",
                                "users.update-roles"), List.of()),
                statement("Admin: merge, delete, apply loyalty points to customer profiles; complete sales; create manifests",
                        "KlickTrack Admin", ACCOUNT, List.of("customers.merge", "customers.delete",
                                "customers.loyalty-points", "register.finalize-sale", "manifests.create"), List.of()),
                statement("Admin does not work as a catch-all: no device sign-in without the other roles",
                        "KlickTrack Admin", ACCOUNT, List.of(), List.of("register.access", "fulfillment.access",
                                "queue.access", "kiosk.access", "overrides.approve", "inventory.manage")),
                statement("Fulfillment can create a queue for fulfillment and access fulfillment devices",
                        "KlickTrack Fulfillment", LOCATION, List.of("queue.create", "fulfillment.access"), List.of()),
                statement("Fulfillment can NOT access the register nor complete sales", "KlickTrack Fulfillment",
                        LOCATION, List.of(), List.of("register.access", "register.finalize-sale")),
                statement("Fulfillment can NOT do a return or view recent sales", "KlickTrack Fulfillment", LOCATION,
                        List.of(), List.of("register.return", "register.sales-history.view")),
                statement("Fulfillment can NOT add a drawer nor a device", "KlickTrack Fulfillment", LOCATION,
                        List.of(), List.of("register.drawer-create", "devices.register")),
                statement("Fulfillment can NOT access dashboard or inventory", "KlickTrack Fulfillment", LOCATION,
                        List.of(), List.of("dashboard.access", "inventory.manage")),
                statement("Budtender can create a drawer, do returns, view recent sales, create and open queues",
                        "KlickTrack Budtender", LOCATION, List.of("register.drawer-create", "register.return",
                                "register.sales-history.view", "queue.create", "queue.open", "register.access"),
                        List.of()),
                statement("Cashier can finalize a sale at the register", "KlickTrack Cashier", LOCATION,
                        List.of("register.access", "register.finalize-sale"), List.of()),
                statement("Cashier can NOT create a device, nor access dashboard or inventory", "KlickTrack Cashier",
                        LOCATION, List.of(), List.of("devices.register", "dashboard.access", "inventory.manage")),
                statement("Driver checks the queue and drops off orders, with NO register access", "KlickTrack Driver",
                        LOCATION, List.of("queue.check", "delivery.drop-off"), List.of("register.access")),
                statement("Manager has dashboard and inventory management access", "KlickTrack Manager", LOCATION,
                        List.of("dashboard.access", "inventory.manage"), List.of()),
                statement("Manager can NOT add or edit users", "KlickTrack Manager", LOCATION, List.of(),
                        List.of("users.invite", "users.update", "users.update-roles", "pins.reset")),
                statement("Manager manages several shops under one login, all devices, time clock entries",
                        "KlickTrack Manager", LOCATION, List.of("locations.switch", "devices.view", "devices.manage",
                                "time-clock.entries.update"), List.of()),
                statement("Manager can register new devices", "KlickTrack Manager", LOCATION,
                        List.of("devices.register"), List.of()),
                statement("Manager needs Budtender and Cashier selected to use register devices", "KlickTrack Manager",
                        LOCATION, List.of(), List.of("register.access", "register.finalize-sale")),
                statement("Queue Manager creates and edits online orders on a queue desktop", "KlickTrack Queue Manager",
                        LOCATION, List.of("queue.access", "queue.online-orders.manage", "queue.send-for-sale"),
                        List.of("devices.register", "register.access")),
                statement("Regional Manager: inventory at multiple shops, full backend dashboard, manifests",
                        "KlickTrack Regional Manager", REGION, List.of("inventory.manage", "dashboard.full-access",
                                "dashboard.access", "manifests.view"), List.of()),
                statement("Shift Lead approves manager overrides at the register, with NO dashboard access",
                        "KlickTrack Shift Lead", LOCATION, List.of("overrides.approve", "register.access",
                                "register.finalize-sale"), List.of("dashboard.access", "dashboard.full-access")));
    }

    @Nested
    @DisplayName("Deliverect")
    class Deliverect {

        private final Set<String> deliverectPermissions = deliverectPermissions();

        @Test
        @DisplayName("Partner holds every Deliverect permission, partner defaults included (tags, accounts)")
        void partner() {
            assertThat(group("Deliverect Partner").permissions()).containsExactlyInAnyOrderElementsOf(deliverectPermissions);
            assertThat(effective("Deliverect Partner", PARTNER))
                    .contains("channel-links.tags.update", "accounts.create", "accounts.update");
        }

        @Test
        @DisplayName("Account Manager: full access to its account, except what only partners do")
        void accountManager() {
            Set<String> expected = new TreeSet<>(deliverectPermissions);
            expected.removeAll(List.of("accounts.create", "channel-links.tags.update"));
            assertThat(group("Deliverect Account Manager").permissions()).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(effective("Deliverect Account Manager", ACCOUNT)).containsAll(expected)
                    .doesNotContain("accounts.create", "channel-links.tags.update");
        }

        @Test
        @DisplayName("granted at an account, even Partner cannot create accounts (that needs the partner node)")
        void createAccountAtPartnerOnly() {
            assertThat(effective("Deliverect Partner", ACCOUNT)).doesNotContain("accounts.create");
        }

        @Test
        @DisplayName("Employee: location operations, but no user or role management")
        void employee() {
            Set<String> employee = effective("Deliverect Employee", LOCATION);
            assertThat(employee).contains("orders.update-status", "menus.view", "products.snoozed.update",
                    "app.busy-mode.update", "online-ordering.store.close");
            assertThat(employee).noneMatch(k -> k.startsWith("users.") || k.startsWith("role-groups.")
                    || k.startsWith("accounts.") || k.startsWith("locations.create") || k.startsWith("locations.update"));
            assertThat(deliverectPermissions).containsAll(employee);
        }

        @Test
        @DisplayName("the section groups together are exactly the Partner group, without overlaps")
        void sectionsPartitionPartner() {
            List<String> sections = groupsOf("deliverect").stream()
                    .filter(g -> !List.of("Deliverect Partner", "Deliverect Account Manager", "Deliverect Employee")
                            .contains(g)).toList();
            assertThat(sections).contains("Deliverect Channel Links", "Deliverect Menus", "Deliverect Orders",
                    "Deliverect Products", "Deliverect Users", "Deliverect App");
            List<String> all = sections.stream().flatMap(g -> group(g).permissions().stream()).toList();
            assertThat(all).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(deliverectPermissions);
        }

        @Test
        @DisplayName("Products: Update Inventory Products brings Create new modifiers from products")
        void inventoryBringsModifiers() {
            BitSet bits = new BitSet();
            CATALOG.addEffective(bits, CATALOG.get("products.inventory.update").index(), LOCATION);
            assertThat(keys(bits)).contains("products.create-modifiers");
        }
    }

    /** Catalog permissions citing Deliverect. */
    static Set<String> deliverectPermissions() {
        return sourcesBySystem().getOrDefault("deliverect", Set.of());
    }

    private static Map<String, Set<String>> sourcesBySystem() {
        try (InputStream in = ShippedTemplatesTest.class.getResourceAsStream("/branchkey/catalog/default-catalog.json")) {
            Map<String, Set<String>> result = new HashMap<>();
            for (JsonNode p : new ObjectMapper().readTree(in).get("permissions")) {
                for (JsonNode s : p.get("sources")) {
                    String system = s.asText().substring(0, s.asText().indexOf(':'));
                    result.computeIfAbsent(system, x -> new TreeSet<>()).add(p.get("key").asText());
                }
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Nested
    @DisplayName("Dutchie")
    class Dutchie {

        @ParameterizedTest(name = "{0}")
        @MethodSource("io.branchkey.access.jpa.ShippedTemplatesTest#dutchieStatements")
        @DisplayName("the permissions FAQ")
        void statements(String text, String group, NodeKind at, List<String> has, List<String> lacks) {
            check(group, at, has, lacks);
        }

        @Test
        @DisplayName("BI tools are enabled by the backend team, not in standard settings: no shop group holds them")
        void biIsSeparate() {
            for (String g : List.of("Dutchie Admin", "Dutchie Manager", "Dutchie Budtender", "Dutchie Inventory")) {
                assertThat(effective(g, ACCOUNT)).as(g).doesNotContain("bi.view", "bi.explore");
            }
        }

        @Test
        @DisplayName("Admin can do everything the Manager, Budtender and Inventory groups can")
        void adminIncludesTheOthers() {
            Set<String> admin = effective("Dutchie Admin", ACCOUNT);
            for (String g : List.of("Dutchie Manager", "Dutchie Budtender", "Dutchie Inventory")) {
                assertThat(admin).as(g).containsAll(effective(g, ACCOUNT));
            }
        }
    }

    static Stream<Arguments> dutchieStatements() {
        return Stream.of(
                statement("View Register Transaction Data grants viewing sales history and modifying payment types",
                        "Dutchie Manager", LOCATION, List.of("register.transactions.view", "register.sales-history.view",
                                "register.payment-types.update"), List.of()),
                statement("Location assignments need Edit Users and Bulk Assign User Locations: Admin has both",
                        "Dutchie Admin", ACCOUNT, List.of("users.update", "users.bulk-assign-locations",
                                "users.update-locations"), List.of()),
                statement("Admin adds users (invitation email), edits permission groups, reads the user event log",
                        "Dutchie Admin", ACCOUNT, List.of("users.invite", "role-groups.update", "audit.view",
                                "users.deactivate", "pins.reset", "integrations.metrc.manage"), List.of()),
                statement("a Manager PIN approves protected POS actions such as allotment adjustments",
                        "Dutchie Manager", LOCATION, List.of("overrides.approve", "inventory.allotment-adjust"),
                        List.of()),
                statement("a Budtender cannot approve manager-PIN actions nor see transaction data", "Dutchie Budtender",
                        LOCATION, List.of("register.access", "register.finalize-sale"),
                        List.of("overrides.approve", "register.transactions.view", "register.payment-types.update")),
                statement("Manager resets PINs and sees the integration audit page", "Dutchie Manager", LOCATION,
                        List.of("pins.reset", "integrations.reconciliation.view", "inventory.adjust"),
                        List.of("users.update", "role-groups.update")),
                statement("Inventory: product catalog, adjustment codes, integration reconciliation", "Dutchie Inventory",
                        LOCATION, List.of("products.view", "inventory.adjust", "integrations.reconciliation.view"),
                        List.of("register.access", "overrides.approve")),
                statement("BI Explore includes View", "Dutchie BI Tools Explorer", ACCOUNT,
                        List.of("bi.explore", "bi.view"), List.of()));
    }

    @Nested
    @DisplayName("TrackTik")
    class TrackTik {

        @ParameterizedTest(name = "{0}")
        @MethodSource("io.branchkey.access.jpa.ShippedTemplatesTest#trackTikStatements")
        @DisplayName("the roles and permissions article")
        void statements(String text, String group, NodeKind at, List<String> has, List<String> lacks) {
            check(group, at, has, lacks);
        }

        @ParameterizedTest(name = "Manager granted at {0}: can create report templates = {1}")
        @MethodSource("io.branchkey.access.jpa.ShippedTemplatesTest#templateLevels")
        @DisplayName("report template creation granted at a site (LOCATION) is not effective; at a region it is")
        void templatesNeedRegion(NodeKind at, boolean expected) {
            Set<String> effective = effective("TrackTik Manager", at);
            assertThat(effective.contains("reports.templates.create")).isEqualTo(expected);
            assertThat(effective.contains("reports.templates.update")).isEqualTo(expected);
            assertThat(effective).contains("reports.create");
        }

        @Test
        @DisplayName("Administrator: broad access, but none of the superuser (realm-admin-only) permissions")
        void administratorIsNotSuperuser() {
            Set<String> admin = effective("TrackTik Administrator", ACCOUNT);
            assertThat(admin).hasSizeGreaterThan(20)
                    .noneMatch(k -> CATALOG.get(k).realmAdminOnly())
                    .doesNotContain("role-groups.defaults.update", "role-groups.matrix.view", "role-groups.matrix.update");
            for (String g : List.of("TrackTik Manager", "TrackTik Guard", "TrackTik Client",
                    "TrackTik Integration (least privilege)")) {
                assertThat(admin).as("Administrator covers %s", g).containsAll(effective(g, typicalLevel(g)));
            }
        }

        @Test
        @DisplayName("Integration (least privilege): API access and exactly the six data objects")
        void integration() {
            assertThat(effective("TrackTik Integration (least privilege)", ACCOUNT)).containsExactlyInAnyOrder(
                    "api.access", "workforce.skills.view", "workforce.skill-categories.view", "workforce.employees.view",
                    "workforce.employee-skills.view", "workforce.employment-profiles.view", "payroll.adhocs.view");
        }
    }

    static Stream<Arguments> templateLevels() {
        return Stream.of(arguments(LOCATION, false), arguments(REGION, true), arguments(ACCOUNT, true));
    }

    static Stream<Arguments> trackTikStatements() {
        List<String> rates = List.of("payroll.pay-rates.view", "billing.client-rates.view");
        return Stream.of(
                statement("Administrator sees pay rates and client rates; the integration role does not",
                        "TrackTik Administrator", ACCOUNT, rates, List.of()),
                statement("integrations: avoid exposing sensitive fields such as pay rates",
                        "TrackTik Integration (least privilege)", ACCOUNT, List.of("payroll.adhocs.view"), rates),
                statement("Guard: restricted; no pay rates, no report templates at a site", "TrackTik Guard", LOCATION,
                        List.of("reports.create", "sites.journal-entries.view", "sites.account-notes.view"),
                        List.of("payroll.pay-rates.view", "billing.client-rates.view", "reports.templates.create",
                                "reports.templates.update", "users.update-roles", "api.access")),
                statement("Client portal: views its sites' reports, nothing else", "TrackTik Client", LOCATION,
                        List.of("reports.view"), List.of("reports.create", "sites.journal-entries.view")),
                statement("Manager: timekeeping settings allow assigning employees to sites", "TrackTik Manager", REGION,
                        List.of("timekeeping.settings.manage", "users.update-locations"), rates),
                statement("Dispatch and the conditional report UI come with the API access they rely on",
                        "TrackTik Manager", REGION, List.of("dispatch.access", "reports.conditional-ui.access",
                                "api.access"), List.of("data-lab.access")),
                statement("Superuser edits default roles and the permissions matrix", "TrackTik Superuser", ACCOUNT,
                        List.of("role-groups.defaults.update", "role-groups.matrix.view", "role-groups.matrix.update"),
                        List.of()));
    }

    @Nested
    @DisplayName("techTRACK")
    class TechTrack {

        static final List<String> ROLES = List.of("techTRACK Organization Administrator", "techTRACK Organization Audit",
                "techTRACK Organization User", "techTRACK Account Administrator", "techTRACK Account User");

        @ParameterizedTest(name = "{0}: {2} of 5 roles ({1})")
        @MethodSource("io.branchkey.access.jpa.ShippedTemplatesTest#techTrackMatrix")
        @DisplayName("the matrix: as many roles hold each action as the row has check marks")
        void markCounts(String row, String key, int marks) {
            assertThat(ROLES.stream().filter(r -> effective(r, typicalLevel(r)).contains(key)))
                    .as("roles holding %s", key).hasSize(marks);
        }

        @Test
        @DisplayName("the five groups are the five roles, organization roles at the organization (partner)")
        void roles() {
            assertThat(groupsOf("techtrack")).containsExactlyElementsOf(ROLES);
            assertThat(ROLES.stream().map(ShippedTemplatesTest::typicalLevel))
                    .containsExactly(PARTNER, PARTNER, PARTNER, ACCOUNT, ACCOUNT);
        }

        @Test
        @DisplayName("Organization Administrator can do every action of the matrix")
        void administratorHasAll() {
            Set<String> admin = effective(ROLES.get(0), PARTNER);
            for (String role : ROLES) {
                assertThat(admin).as(role).containsAll(effective(role, typicalLevel(role)));
            }
        }

        @Test
        @DisplayName("each role has what the role below it has: Org Admin ⊇ Org Audit ⊇ Org User; Account Admin ⊇ Account User")
        void nested() {
            assertThat(effective(ROLES.get(1), PARTNER)).containsAll(effective(ROLES.get(2), PARTNER));
            assertThat(effective(ROLES.get(3), ACCOUNT)).containsAll(effective(ROLES.get(4), ACCOUNT));
        }

        @Test
        @DisplayName("Audit: techAUDIT for all accounts; Organization User and the account roles have no techAUDIT")
        void auditOnlyForAuditRoles() {
            assertThat(effective("techTRACK Organization Audit", PARTNER)).contains("freight-audit.invoices.process");
            for (String role : ROLES.subList(2, 5)) {
                assertThat(effective(role, typicalLevel(role))).as(role).noneMatch(k -> k.startsWith("freight-audit."));
            }
        }

        @Test
        @DisplayName("Account User can only view: tracking, its account and the account's users")
        void accountUserOnlyViews() {
            Set<String> user = effective("techTRACK Account User", ACCOUNT);
            assertThat(user).contains("tracking.trackings.view", "tracking.events.view").allMatch(k -> k.endsWith(".view"));
            assertThat(user).noneMatch(k -> k.startsWith("reports.") || k.startsWith("freight-audit."));
        }

        @Test
        @DisplayName("Account Administrator: tracking and managing the account's settings, no report generation")
        void accountAdministrator() {
            Set<String> admin = new TreeSet<>(effective("techTRACK Account Administrator", ACCOUNT));
            admin.removeAll(effective("techTRACK Account User", ACCOUNT));
            assertThat(admin).containsExactlyInAnyOrder("accounts.update", "users.update", "users.update-name");
        }
    }

    /** Rows of the matrix with the number of check marks the capture kept (several rows may share a key). */
    static Stream<Arguments> techTrackMatrix() {
        return Stream.of(
                arguments("TRACK / DASHBOARD / VIEW", "tracking.dashboard.view", 5),
                arguments("TRACK / PERFORMANCE DASHBOARD / VIEW", "tracking.performance-dashboard.view", 5),
                arguments("TRACK / PERFORMANCE / VIEW", "tracking.performance.view", 5),
                arguments("TRACK / TRACKINGS / VIEW", "tracking.trackings.view", 5),
                arguments("TRACK / TRACKINGS / EXPORT", "tracking.trackings.export", 2),
                arguments("TRACK / EVENTS / VIEW", "tracking.events.view", 5),
                arguments("TRACK / EVENTS / CREATE", "tracking.events.create", 2),
                arguments("TRACK / EVENTS / EDIT", "tracking.events.update", 1),
                arguments("TRACK / EVENTS / DELETE", "tracking.events.delete", 1),
                arguments("TRACK / EVENTS / MASS CREATE BY MAWB", "tracking.events.mass-create-mawb", 3),
                arguments("TRACK / EVENTS / MASS CREATE BY MASTER TRACKING", "tracking.events.mass-create-master", 3),
                arguments("AUDIT / ESTIMATED DATA / VIEW", "freight-audit.estimated-data.view", 2),
                arguments("AUDIT / INVOICES / VIEW", "freight-audit.invoices.view", 2),
                arguments("AUDIT / INVOICES / IMPORT", "freight-audit.invoices.import", 2),
                arguments("AUDIT / INVOICES / EXPORT", "freight-audit.invoices.export", 2),
                arguments("AUDIT / INVOICES / PROCESS", "freight-audit.invoices.process", 2),
                arguments("AUDIT / INVOICES / ARCHIVE", "freight-audit.invoices.archive", 2),
                arguments("AUDIT / INVOICES / DELETE", "freight-audit.invoices.delete", 2),
                arguments("REPORTS / REPORTS HISTORY / VIEW", "reports.view", 3),
                arguments("REPORTS / REPORTS HISTORY / EDIT", "reports.update", 1),
                arguments("REPORTS / REPORTS HISTORY / DOWNLOAD", "reports.download", 3),
                arguments("REPORTS / REPORTS HISTORY / DELETE", "reports.delete", 3),
                arguments("REPORTS / GENERATE REPORT / VIEW", "reports.generator.view", 3),
                arguments("REPORTS / GENERATE REPORT / GENERATE", "reports.generate", 3),
                arguments("REPORTS / DELIVERY SETTINGS / VIEW", "reports.delivery-settings.view", 1),
                arguments("REPORTS / DELIVERY SETTINGS / CREATE", "reports.delivery-settings.create", 1),
                arguments("REPORTS / DELIVERY SETTINGS / EDIT", "reports.delivery-settings.update", 1),
                arguments("REPORTS / DELIVERY SETTINGS / DELETE", "reports.delivery-settings.delete", 1),
                arguments("SYSTEM - ORGANIZATIONS / ORGANIZATIONS / VIEW", "organizations.view", 3),
                arguments("SYSTEM - ORGANIZATIONS / CHARGEBEE DATA VIEW", "organizations.billing.view", 1),
                arguments("SYSTEM - ORGANIZATIONS / ACCOUNTS / CREATE", "accounts.create", 1),
                arguments("SYSTEM - ORGANIZATIONS / ACCOUNTS - USERS / CREATE", "users.invite", 1),
                arguments("SYSTEM - ORGANIZATIONS / ACCOUNTS - USERS / DELETE", "users.delete", 1),
                arguments("SYSTEM - ORGANIZATIONS / WAREHOUSES / VIEW", "warehouses.view", 3),
                arguments("SYSTEM - ORGANIZATIONS / WAREHOUSES / CREATE", "warehouses.create", 1),
                arguments("SYSTEM - ORGANIZATIONS / WAREHOUSES / EDIT", "warehouses.update", 1),
                arguments("SYSTEM - ORGANIZATIONS / WAREHOUSES / DELETE", "warehouses.delete", 1),
                arguments("SYSTEM - ORGANIZATIONS / USERS / CREATE", "users.invite", 1),
                arguments("SYSTEM - ORGANIZATIONS / USERS / DELETE", "users.delete", 1),
                // Organization-wide and account-level rows share a key where Branchkey scopes by the grant's node:
                // the account row (the larger count) decides; see docs/catalog.md.
                arguments("SYSTEM - ACCOUNT / ACCOUNT / VIEW (and ORGANIZATIONS / ACCOUNTS / VIEW, 3)", "accounts.view", 5),
                arguments("SYSTEM - ACCOUNT / ACCOUNT / EDIT (and ORGANIZATIONS / ACCOUNTS / EDIT, 1)", "accounts.update", 2),
                arguments("SYSTEM - ACCOUNT / ACCOUNT - USERS / VIEW (and the two organization user lists, 2)", "users.view", 5),
                arguments("SYSTEM - ACCOUNT / ACCOUNT - USERS / EDIT (and the two organization user lists, 1)", "users.update", 2),
                arguments("LOGS / NOTIFICATION LOGS / VIEW", "notifications.logs.view", 1));
    }
}
