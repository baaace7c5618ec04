package io.branchkey.access.catalog;

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
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.branchkey.tenancy.NodeKind;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shipped catalog (realm-config/catalog/default-catalog.json) against its source documents. The documents
 * themselves live outside the repository, so the facts taken from them are tables here.
 */
class ShippedCatalogTest {

    private static final List<Permission> PERMISSIONS = DefaultCatalog.permissions();
    private static final PermissionCatalog CATALOG = PermissionCatalog.of(DefaultCatalog.version(), PERMISSIONS);

    /** Every permission of Deliverect's "User Role Groups" page, by section, as named there. */
    static final Map<String, List<String>> DELIVERECT = Map.ofEntries(
            Map.entry("Channel links", List.of("View Channel Link ID", "View Channel Link Details",
                    "Delete Channel Link", "Read Channel Link Basic Settings", "Update Channel Link Basic Settings",
                    "Read Channel Link Advanced Settings", "Update Channel Link Advanced Settings",
                    "Register Channel Link", "Disable Channel Link", "Read Channel Link Delivery System Settings",
                    "Update Channel Link Delivery System Settings", "Read Channel Link Channel Settings",
                    "Update Channel Link Channel Settings", "Update Channel Link Preparation Time",
                    "View Channel Link Name", "Update Channel Link Name", "Update Channel Link Store URL",
                    "Update Channel Link Tags")),
            Map.entry("Online Ordering", List.of("Open Online Ordering Store", "Close Online Ordering Store",
                    "View Capacity Management", "Create Capacities", "Update Capacities")),
            Map.entry("Locations", List.of("Create Location", "Update Location", "Sync Location Products",
                    "Sync All Locations Products", "View Location Information", "Update Location Information",
                    "Export Location Information", "Check Liteserver")),
            Map.entry("Orders", List.of("View Order Channel Status", "View Order Channel Raw Order",
                    "View Order POS Raw Order", "View Order POS Info", "Retry Order Manually",
                    "Remove Order Receipt ID", "Update Order Status Manually", "Update Order Status in POS App",
                    "Reject Order in POS App", "Export orders")),
            Map.entry("Menus", List.of("Duplicate menus", "View menus", "Create menu", "Update Menu",
                    "Add menu availability", "Add category availability", "Update menu name", "Export menu",
                    "Shoot test orders in menu preview", "Publish Menu", "Copy menu JSON", "View V1 and V2 menus")),
            Map.entry("Accounts", List.of("Create Account", "Update Account")),
            Map.entry("Products", List.of("Read Snoozed Products", "Update Snoozed Products",
                    "View Inventory Products", "View Inventory Products (POS Integrated)",
                    "Create new modifiers from products", "Update Inventory Products",
                    "Add duplicate Inventory Product PLU", "Import Products", "View Internal Products",
                    "Update Internal Products", "Export products")),
            Map.entry("Channel", List.of("Create Channel Products", "Override Channel Products for Location",
                    "Update Channel Products", "Delete Channel Products", "View Channel Categories",
                    "Create Channel Categories", "Override Channel Categories for Location",
                    "Update Channel Categories", "Delete Channel Categories")),
            Map.entry("Users", List.of("View Users", "Update Users", "Delete Users", "Invite Users",
                    "Update user name", "Update User Locations", "Update User Roles", "Create role groups",
                    "Update role groups")),
            Map.entry("App", List.of("View devices", "Enable busy mode", "View orders map (App)",
                    "View delivery screen (App)", "View profiles", "Delete profile", "Update profiles",
                    "Create profiles")),
            Map.entry("Misc", List.of("View Reports", "View Operation Reports", "Onboarding flow")));

    static List<String> deliverectNames() {
        return DELIVERECT.values().stream().flatMap(List::stream).sorted().toList();
    }

    /** The key of the one permission that lists {@code source} (such as "deliverect: Export orders"). */
    static String keyOf(String source) {
        List<String> keys = PERMISSIONS.stream().filter(p -> sourcesOf(p).contains(source)).map(Permission::key).toList();
        assertThat(keys).as("permissions with source '%s'", source).hasSize(1);
        return keys.get(0);
    }

    /** Sources are documentation: Permission does not carry them, so they are read from the shipped file. */
    private static final Map<String, List<String>> SOURCES = readSources();

    private static Map<String, List<String>> readSources() {
        try (InputStream in = DefaultCatalog.class.getResourceAsStream(DefaultCatalog.RESOURCE)) {
            DefaultCatalog.File file = new ObjectMapper().readValue(in, DefaultCatalog.File.class);
            return file.permissions().stream().collect(Collectors.toMap(DefaultCatalog.Entry::key,
                    e -> e.sources() == null ? List.of() : e.sources()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> sourcesOf(Permission p) {
        return SOURCES.getOrDefault(p.key(), List.of());
    }

    /** What granting {@code key} at a node of kind {@code at} makes effective. */
    static Set<String> effective(NodeKind at, String... keys) {
        BitSet bits = new BitSet();
        for (String key : keys) {
            assertThat(CATALOG.get(key)).as("catalog permission %s", key).isNotNull();
            CATALOG.addEffective(bits, CATALOG.get(key).index(), at);
        }
        return bits.stream().mapToObj(i -> CATALOG.get(i).key()).collect(Collectors.toCollection(TreeSet::new));
    }

    @Nested
    @DisplayName("the file")
    class TheFile {

        @Test
        @DisplayName("loads (DefaultCatalog validates keys, indexes and implications on load) at version 1 or later")
        void loads() {
            assertThat(DefaultCatalog.version()).isGreaterThanOrEqualTo(1);
            assertThat(PERMISSIONS).hasSizeGreaterThan(150);
        }

        @Test
        @DisplayName("indexes are dense: 0 to N-1 in file order")
        void denseIndexes() {
            for (int i = 0; i < PERMISSIONS.size(); i++) {
                assertThat(PERMISSIONS.get(i).index()).as("index of %s", PERMISSIONS.get(i).key()).isEqualTo(i);
            }
        }

        @Test
        @DisplayName("every key is dot-separated lower-case segments")
        void keys() {
            assertThat(PERMISSIONS).allSatisfy(p -> assertThat(p.key()).matches(PermissionDraft.KEY));
        }

        @Test
        @DisplayName("every permission passes the realm's own validation, with a description")
        void validDrafts() {
            assertThat(PERMISSIONS).allSatisfy(p -> {
                assertThatCode(() -> new PermissionDraft(p.key(), p.name(), p.description(), p.section(), p.implies(),
                        p.minLevel(), p.realmAdminOnly())).as(p.key()).doesNotThrowAnyException();
                assertThat(p.description()).as("description of %s", p.key()).isNotBlank().endsWith(".");
            });
        }

        @Test
        @DisplayName("sections are contiguous, so the file reads (and UIs list it) grouped by section")
        void groupedBySection() {
            List<String> runs = new ArrayList<>();
            for (Permission p : PERMISSIONS) {
                if (runs.isEmpty() || !runs.get(runs.size() - 1).equals(p.section())) {
                    runs.add(p.section());
                }
            }
            assertThat(runs).doesNotHaveDuplicates();
        }

        @Test
        @DisplayName("every permission names its sources, as '<system>: <what the document says>'")
        void sources() {
            assertThat(PERMISSIONS).allSatisfy(p -> assertThat(sourcesOf(p)).as("sources of %s", p.key())
                    .isNotEmpty()
                    .allMatch(s -> s.matches("(deliverect|klicktrack|dutchie|tracktik|techtrack|branchkey): .+")));
        }
    }

    @Nested
    @DisplayName("Branchkey's own rights")
    class BranchkeyRights {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"users.view", "users.invite", "users.update", "users.update-locations",
                "users.update-roles", "users.terminate", "role-groups.create", "role-groups.update",
                "role-groups.delete", "locations.create", "locations.update", "audit.view"})
        @DisplayName("the delegated API's rights exist")
        void delegatedApi(String key) {
            assertThat(CATALOG.get(key)).isNotNull();
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"devices.view", "devices.register", "devices.manage", "register.access",
                "fulfillment.access", "queue.access", "kiosk.access", "pins.reset", "overrides.approve",
                "overrides.manage-policy", "register.return", "register.void", "register.discount",
                "register.price-change", "register.cash-drop", "inventory.allotment-adjust", "register.finalize-sale",
                "register.drawer-create", "users.delete", "users.update-name"})
        @DisplayName("the rights of devices, PIN login and overrides exist")
        void devicesAndRegister(String key) {
            assertThat(CATALOG.get(key)).isNotNull();
        }

        @ParameterizedTest(name = "Deliverect \"{0}\" is {1}")
        @MethodSource("io.branchkey.access.catalog.ShippedCatalogTest#deliverectUserRights")
        @DisplayName("Deliverect's user and location rights are Branchkey's, not duplicates")
        void deliverectMapsOntoBranchkey(String deliverect, String key) {
            assertThat(keyOf("deliverect: " + deliverect)).isEqualTo(key);
        }

        @Test
        @DisplayName("device sign-in rights stand alone: one does not bring another")
        void signInRightsAreIndependent() {
            for (String key : List.of("register.access", "fulfillment.access", "queue.access", "kiosk.access")) {
                assertThat(effective(PARTNER, key)).as(key).containsExactly(key);
            }
        }
    }

    static Stream<Arguments> deliverectUserRights() {
        return Stream.of(
                arguments("View Users", "users.view"),
                arguments("Invite Users", "users.invite"),
                arguments("Update Users", "users.update"),
                arguments("Update User Locations", "users.update-locations"),
                arguments("Update User Roles", "users.update-roles"),
                arguments("Create role groups", "role-groups.create"),
                arguments("Update role groups", "role-groups.update"),
                arguments("Update Location", "locations.update"),
                arguments("Create Location", "locations.create"),
                arguments("Delete Users", "users.delete"),
                arguments("Update user name", "users.update-name"));
    }

    @Nested
    @DisplayName("Deliverect")
    class Deliverect {

        @ParameterizedTest(name = "\"{0}\"")
        @MethodSource("io.branchkey.access.catalog.ShippedCatalogTest#deliverectNames")
        @DisplayName("every permission of the document is exactly one catalog permission's source")
        void everyNameIsCovered(String name) {
            keyOf("deliverect: " + name);
        }

        @Test
        @DisplayName("the document has 95 permissions and the catalog cites no other Deliverect name")
        void noInventedNames() {
            assertThat(deliverectNames()).hasSize(95).doesNotHaveDuplicates();
            Set<String> cited = PERMISSIONS.stream().flatMap(p -> sourcesOf(p).stream())
                    .filter(s -> s.startsWith("deliverect: ")).map(s -> s.substring("deliverect: ".length()))
                    .collect(Collectors.toSet());
            assertThat(cited).containsExactlyInAnyOrderElementsOf(deliverectNames());
        }

        @Test
        @DisplayName("\"Update Inventory Products\" allows \"Create new modifiers from products\"")
        void inventoryImpliesModifiers() {
            assertThat(effective(LOCATION, keyOf("deliverect: Update Inventory Products")))
                    .contains(keyOf("deliverect: Create new modifiers from products"));
            assertThat(effective(LOCATION, keyOf("deliverect: Create new modifiers from products")))
                    .doesNotContain(keyOf("deliverect: Update Inventory Products"));
        }

        @ParameterizedTest(name = "\"{0}\" implies \"{1}\"")
        @MethodSource("io.branchkey.access.catalog.ShippedCatalogTest#deliverectReadByUpdate")
        @DisplayName("updating implies reading")
        void updateImpliesRead(String update, String read) {
            assertThat(effective(LOCATION, keyOf("deliverect: " + update))).contains(keyOf("deliverect: " + read));
        }

        @Test
        @DisplayName("every \"Update … Settings\" of the document has its \"Read … Settings\" implied")
        void everySettingsPair() {
            List<String> updates = deliverectNames().stream()
                    .filter(n -> n.startsWith("Update ") && n.endsWith(" Settings")).toList();
            assertThat(updates).hasSize(4);
            for (String update : updates) {
                String read = "Read " + update.substring("Update ".length());
                assertThat(effective(LOCATION, keyOf("deliverect: " + update))).as(update)
                        .contains(keyOf("deliverect: " + read));
            }
        }

        @Test
        @DisplayName("only a partner can create accounts: granted at an account it does nothing")
        void createAccountNeedsPartner() {
            String key = keyOf("deliverect: Create Account");
            assertThat(effective(ACCOUNT, key)).isEmpty();
            assertThat(effective(PARTNER, key)).containsExactly(key);
        }
    }

    static Stream<Arguments> deliverectReadByUpdate() {
        return Stream.of(
                arguments("Update Channel Link Name", "View Channel Link Name"),
                arguments("Update Snoozed Products", "Read Snoozed Products"),
                arguments("Update Inventory Products", "View Inventory Products"),
                arguments("Update Internal Products", "View Internal Products"),
                arguments("Update Location Information", "View Location Information"),
                arguments("Update Users", "View Users"),
                arguments("Update Menu", "View menus"),
                arguments("Update Capacities", "View Capacity Management"),
                arguments("Update profiles", "View profiles"),
                arguments("Update Channel Categories", "View Channel Categories"));
    }

    @Nested
    @DisplayName("Dutchie")
    class Dutchie {

        @Test
        @DisplayName("View Register Transaction Data bundles viewing sales history and modifying payment types")
        void transactionDataBundle() {
            assertThat(effective(LOCATION, "register.transactions.view")).containsExactlyInAnyOrder(
                    "register.transactions.view", "register.sales-history.view", "register.payment-types.update");
            assertThat(effective(LOCATION, "register.sales-history.view")).containsExactly("register.sales-history.view");
        }

        @Test
        @DisplayName("PINs cannot be viewed by anyone, only reset: there is no permission to view PINs")
        void pinsAreNeverViewable() {
            assertThat(CATALOG.get("pins.reset")).isNotNull();
            assertThat(PERMISSIONS).noneMatch(p -> p.key().startsWith("pins.") && !p.key().equals("pins.reset"));
        }

        @Test
        @DisplayName("Bulk Assign User Locations includes assigning one user's locations")
        void bulkAssign() {
            assertThat(effective(ACCOUNT, "users.bulk-assign-locations")).contains("users.update-locations");
        }

        @Test
        @DisplayName("BI Explore includes BI View")
        void biExploreIncludesView() {
            assertThat(effective(ACCOUNT, "bi.explore")).containsExactlyInAnyOrder("bi.explore", "bi.view");
        }
    }

    @Nested
    @DisplayName("TrackTik")
    class TrackTik {

        @ParameterizedTest(name = "{0} granted at a {1}: effective {2}")
        @MethodSource("io.branchkey.access.catalog.ShippedCatalogTest#reportTemplateLevels")
        @DisplayName("report template creation is controlled at the region level")
        void templatesAtRegion(String key, NodeKind at, boolean effective) {
            assertThat(effective(at, key).contains(key)).isEqualTo(effective);
        }

        @Test
        @DisplayName("report creation at the region level brings template creation; at a site it does not")
        void reportCreationAtRegion() {
            assertThat(effective(LOCATION, "reports.create")).containsExactly("reports.create");
            assertThat(effective(REGION, "reports.create")).contains("reports.templates.create", "reports.templates.update");
        }

        @Test
        @DisplayName("only the superuser's rights are realm-admin-only")
        void superuserOnly() {
            assertThat(PERMISSIONS.stream().filter(Permission::realmAdminOnly).map(Permission::key))
                    .containsExactlyInAnyOrder("role-groups.defaults.update", "role-groups.matrix.view",
                            "role-groups.matrix.update");
        }

        @ParameterizedTest(name = "{0} relies on API access")
        @ValueSource(strings = {"data-lab.access", "reports.conditional-ui.access", "dispatch.access"})
        @DisplayName("Data Lab, the conditional report UI and Dispatch rely on API access")
        void modulesNeedApi(String key) {
            assertThat(effective(LOCATION, key)).containsExactlyInAnyOrder(key, "api.access");
        }

        @Test
        @DisplayName("'Manage the employee timekeeping settings' allows assigning employees to sites")
        void timekeepingAssignsSites() {
            assertThat(effective(REGION, "timekeeping.settings.manage")).contains("users.update-locations");
        }

        @Test
        @DisplayName("the integration data objects bring no sensitive rates")
        void dataObjectsAreNotRates() {
            Set<String> all = effective(ACCOUNT, "workforce.skills.view", "workforce.skill-categories.view",
                    "workforce.employees.view", "workforce.employee-skills.view", "workforce.employment-profiles.view",
                    "payroll.adhocs.view");
            assertThat(all).hasSize(6).doesNotContain("payroll.pay-rates.view", "billing.client-rates.view");
        }
    }

    static Stream<Arguments> reportTemplateLevels() {
        return Stream.of("reports.templates.create", "reports.templates.update").flatMap(key -> Stream.of(
                arguments(key, LOCATION, false),
                arguments(key, REGION, true),
                arguments(key, ACCOUNT, true),
                arguments(key, PARTNER, true)));
    }

    @Nested
    @DisplayName("KlickTrack")
    class KlickTrack {

        @Test
        @DisplayName("finalizing a sale does not sign anyone in at a register (Admin 'completes sales' without register access)")
        void finalizeDoesNotImplyAccess() {
            assertThat(effective(LOCATION, "register.finalize-sale")).containsExactly("register.finalize-sale");
        }

        @Test
        @DisplayName("full dashboard access includes dashboard access")
        void fullDashboard() {
            assertThat(effective(REGION, "dashboard.full-access")).contains("dashboard.access");
        }

        @Test
        @DisplayName("creating manifests includes viewing them; creating SMS campaigns includes SMS access")
        void createIncludesAccess() {
            assertThat(effective(LOCATION, "manifests.create")).contains("manifests.view");
            assertThat(effective(LOCATION, "sms.campaigns.create")).contains("sms.access");
        }
    }

    @Nested
    @DisplayName("techTRACK")
    class TechTrack {

        @Test
        @DisplayName("every row of every section of the matrix is cited by a permission")
        void everyRowCited() {
            List<String> rows = List.of("TRACK: DASHBOARD VIEW", "TRACK: PERFORMANCE DASHBOARD VIEW",
                    "TRACK: PERFORMANCE VIEW", "TRACK: TRACKINGS VIEW", "TRACK: TRACKINGS EXPORT", "TRACK: EVENTS VIEW",
                    "TRACK: EVENTS CREATE", "TRACK: EVENTS EDIT", "TRACK: EVENTS DELETE",
                    "TRACK: EVENTS MASS CREATE BY MAWB", "TRACK: EVENTS MASS CREATE BY MASTER TRACKING",
                    "AUDIT: ESTIMATED DATA VIEW", "AUDIT: INVOICES VIEW", "AUDIT: INVOICES IMPORT",
                    "AUDIT: INVOICES EXPORT", "AUDIT: INVOICES PROCESS", "AUDIT: INVOICES ARCHIVE",
                    "AUDIT: INVOICES DELETE", "REPORTS: REPORTS HISTORY VIEW", "REPORTS: REPORTS HISTORY EDIT",
                    "REPORTS: REPORTS HISTORY DOWNLOAD", "REPORTS: REPORTS HISTORY DELETE",
                    "REPORTS: GENERATE REPORT VIEW", "REPORTS: GENERATE REPORT GENERATE",
                    "REPORTS: REPORTS DELIVERY SETTINGS (SCHEDULED) VIEW",
                    "REPORTS: REPORTS DELIVERY SETTINGS (SCHEDULED) CREATE",
                    "REPORTS: REPORTS DELIVERY SETTINGS (SCHEDULED) EDIT",
                    "REPORTS: REPORTS DELIVERY SETTINGS (SCHEDULED) DELETE",
                    "SYSTEM - ORGANIZATIONS: ORGANIZATIONS VIEW", "SYSTEM - ORGANIZATIONS: CHARGEBEE DATA VIEW",
                    "SYSTEM - ORGANIZATIONS: ACCOUNTS VIEW", "SYSTEM - ORGANIZATIONS: ACCOUNTS CREATE",
                    "SYSTEM - ORGANIZATIONS: ACCOUNTS EDIT", "SYSTEM - ORGANIZATIONS: ACCOUNTS - USERS VIEW",
                    "SYSTEM - ORGANIZATIONS: ACCOUNTS - USERS CREATE", "SYSTEM - ORGANIZATIONS: ACCOUNTS - USERS EDIT",
                    "SYSTEM - ORGANIZATIONS: ACCOUNTS - USERS DELETE", "SYSTEM - ORGANIZATIONS: WAREHOUSES VIEW",
                    "SYSTEM - ORGANIZATIONS: WAREHOUSES CREATE", "SYSTEM - ORGANIZATIONS: WAREHOUSES EDIT",
                    "SYSTEM - ORGANIZATIONS: WAREHOUSES DELETE", "SYSTEM - ORGANIZATIONS: USERS VIEW",
                    "SYSTEM - ORGANIZATIONS: USERS CREATE", "SYSTEM - ORGANIZATIONS: USERS EDIT",
                    "SYSTEM - ORGANIZATIONS: USERS DELETE", "SYSTEM - ACCOUNT: ACCOUNT VIEW",
                    "SYSTEM - ACCOUNT: ACCOUNT EDIT", "SYSTEM - ACCOUNT: ACCOUNT - USERS VIEW",
                    "SYSTEM - ACCOUNT: ACCOUNT - USERS EDIT", "LOGS: NOTIFICATION LOGS VIEW");
            assertThat(rows).hasSize(50).allSatisfy(row -> keyOf("techtrack: " + row));
        }

        @Test
        @DisplayName("techAUDIT permissions do not share Branchkey's audit-log namespace")
        void freightAuditIsNotTheAuditLog() {
            assertThat(PERMISSIONS.stream().map(Permission::key).filter(k -> k.startsWith("audit.")))
                    .containsExactly("audit.view");
        }
    }

    @Test
    @DisplayName("no two permissions share a name")
    void uniqueNames() {
        Map<String, Long> names = PERMISSIONS.stream().collect(Collectors.groupingBy(Permission::name,
                Collectors.counting()));
        assertThat(names).allSatisfy((name, count) -> assertThat(count).as(name).isEqualTo(1L));
    }
}
