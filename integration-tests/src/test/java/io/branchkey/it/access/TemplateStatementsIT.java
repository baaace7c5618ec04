package io.branchkey.it.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.branchkey.it.support.AccessApi;
import io.branchkey.it.support.BranchkeyApi;
import io.branchkey.it.support.BranchkeyServerConfig;
import io.branchkey.it.support.TestUsers;
import io.branchkey.it.support.Tree;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;
import org.keycloak.testframework.server.KeycloakUrls;

/**
 * Statements of the five source documents (../shared/seeds), checked against the effective permissions the
 * server computes for users holding the shipped templates. Each statement grants one template to a fresh user
 * at one node and reads the effective permissions at another: the whole chain (template loading, catalog
 * merge, implications, minimum levels, inheritance) is exercised, not the template file alone.
 */
@KeycloakIntegrationTest(config = BranchkeyServerConfig.class)
class TemplateStatementsIT {

    private enum At { PARTNER, ACCOUNT, REGION, STORE, OTHER_ACCOUNT_STORE }

    /** "A {group} granted at {grantedAt} {holds or lacks} {permission} at {checkedAt}", quoting the source. */
    private record Statement(String source, String system, String group, At grantedAt, At checkedAt,
                             boolean holds, String permission) {

        @Override
        public String toString() {
            return system + " / " + group + " granted at " + grantedAt + (holds ? " holds " : " lacks ")
                    + permission + " at " + checkedAt + " (\"" + source + "\")";
        }
    }

    private static Statement holds(String system, String group, At at, String permission, String source) {
        return new Statement(source, system, group, at, at, true, permission);
    }

    private static Statement lacks(String system, String group, At at, String permission, String source) {
        return new Statement(source, system, group, at, at, false, permission);
    }

    private static final List<Statement> STATEMENTS = List.of(
            // KlickTrack
            lacks("klicktrack", "KlickTrack Fulfillment", At.STORE, "register.access", "Can NOT access register"),
            lacks("klicktrack", "KlickTrack Fulfillment", At.STORE, "register.finalize-sale", "Can NOT complete sales"),
            lacks("klicktrack", "KlickTrack Fulfillment", At.STORE, "register.return", "Can NOT do a return"),
            lacks("klicktrack", "KlickTrack Fulfillment", At.STORE, "register.drawer-create", "Can NOT add a drawer"),
            lacks("klicktrack", "KlickTrack Fulfillment", At.STORE, "devices.register", "Can NOT add a device"),
            lacks("klicktrack", "KlickTrack Fulfillment", At.STORE, "inventory.manage", "Can NOT access dashboard or inventory"),
            holds("klicktrack", "KlickTrack Fulfillment", At.STORE, "fulfillment.access", "Can access fulfillment devices"),
            holds("klicktrack", "KlickTrack Fulfillment", At.STORE, "queue.create", "Can create a queue for fulfillment"),
            holds("klicktrack", "KlickTrack Budtender", At.STORE, "register.drawer-create", "Can create a new drawer"),
            holds("klicktrack", "KlickTrack Budtender", At.STORE, "register.return", "Complete a return and view recent sales"),
            holds("klicktrack", "KlickTrack Cashier", At.STORE, "register.finalize-sale", "Can finalize a sale at the register"),
            lacks("klicktrack", "KlickTrack Cashier", At.STORE, "devices.register", "Can NOT create a device"),
            lacks("klicktrack", "KlickTrack Driver", At.STORE, "register.access", "NO register access"),
            holds("klicktrack", "KlickTrack Driver", At.STORE, "delivery.drop-off", "Drop off order"),
            lacks("klicktrack", "KlickTrack Manager", At.STORE, "users.invite", "Can NOT add or edit users"),
            lacks("klicktrack", "KlickTrack Manager", At.STORE, "users.update", "Can NOT add or edit users"),
            holds("klicktrack", "KlickTrack Manager", At.STORE, "devices.register", "Can register new devices"),
            holds("klicktrack", "KlickTrack Manager", At.STORE, "time-clock.entries.update", "Can edit time clock entries"),
            lacks("klicktrack", "KlickTrack Admin", At.ACCOUNT, "register.access", "Admin does not work as a catch-all"),
            lacks("klicktrack", "KlickTrack Admin", At.ACCOUNT, "fulfillment.access", "Admin does not work as a catch-all"),
            holds("klicktrack", "KlickTrack Admin", At.ACCOUNT, "users.invite", "Create new app users"),
            holds("klicktrack", "KlickTrack Admin", At.ACCOUNT, "pins.reset", "Can update pins, passwords, or assigned roles"),
            holds("klicktrack", "KlickTrack Shift Lead", At.STORE, "overrides.approve", "a Shift Lead user pin can be used for any manager overrides"),
            lacks("klicktrack", "KlickTrack Shift Lead", At.STORE, "dashboard.access", "NO dashboard access"),
            lacks("klicktrack", "KlickTrack Marketing Manager", At.ACCOUNT, "register.access", "Access to SMS only"),
            holds("klicktrack", "KlickTrack Marketing Manager", At.ACCOUNT, "sms.campaigns.create", "Can create SMS campaigns"),
            new Statement("Access to inventory management at multiple shop locations", "klicktrack",
                    "KlickTrack Regional Manager", At.REGION, At.STORE, true, "inventory.manage"),
            // Deliverect
            holds("deliverect", "Deliverect Products", At.ACCOUNT, "products.create-modifiers",
                    "Update Inventory Products ... allows the user to Create new modifiers from products"),
            new Statement("A user that has the partner role can access all managed accounts ... and all the locations",
                    "deliverect", "Deliverect Partner", At.PARTNER, At.STORE, true, "menus.publish"),
            new Statement("An account manager only has full access to all the resources across all the locations in their single account",
                    "deliverect", "Deliverect Account Manager", At.ACCOUNT, At.STORE, true, "orders.export"),
            new Statement("... in their single account", "deliverect", "Deliverect Account Manager", At.ACCOUNT,
                    At.OTHER_ACCOUNT_STORE, false, "orders.export"),
            lacks("deliverect", "Deliverect Account Manager", At.ACCOUNT, "accounts.create", "Create Account (partner)"),
            lacks("deliverect", "Deliverect Employee", At.STORE, "users.update-roles", "an employee ... only has access to a specific set of locations"),
            // Dutchie
            holds("dutchie", "Dutchie Manager", At.STORE, "register.sales-history.view",
                    "View Register Transaction Data grants access to both viewing sales history"),
            holds("dutchie", "Dutchie Manager", At.STORE, "register.payment-types.update",
                    "... and modifying payment types"),
            holds("dutchie", "Dutchie Manager", At.STORE, "overrides.approve", "require a Manager PIN for specific POS actions"),
            holds("dutchie", "Dutchie Admin", At.ACCOUNT, "users.bulk-assign-locations", "Bulk Assign User Locations"),
            holds("dutchie", "Dutchie Admin", At.ACCOUNT, "pins.reset", "click Generate New PIN"),
            lacks("dutchie", "Dutchie Budtender", At.STORE, "users.update", "Edit Users ... enabled on your own account"),
            // TrackTik
            new Statement("Users without region-level creation permissions will not be able to create templates at the site",
                    "tracktik", "TrackTik Manager", At.STORE, At.STORE, false, "reports.templates.create"),
            new Statement("Template creation is controlled at the region level", "tracktik", "TrackTik Manager",
                    At.REGION, At.STORE, true, "reports.templates.create"),
            lacks("tracktik", "TrackTik Administrator", At.ACCOUNT, "role-groups.defaults.update",
                    "Administrator role: ... does not automatically include superuser capabilities"),
            lacks("tracktik", "TrackTik Integration (least privilege)", At.ACCOUNT, "payroll.pay-rates.view",
                    "avoid exposing sensitive fields such as pay rates"),
            holds("tracktik", "TrackTik Integration (least privilege)", At.ACCOUNT, "workforce.skills.view",
                    "Provide only the required data objects (for example, Skills ...)"),
            lacks("tracktik", "TrackTik Guard", At.STORE, "payroll.pay-rates.view", "Security guards typically have a Guard role, which may restrict their access"),
            // techTRACK
            holds("techtrack", "techTRACK Account User", At.ACCOUNT, "tracking.trackings.view", "User: Allows tracking"),
            lacks("techtrack", "techTRACK Account User", At.ACCOUNT, "accounts.update", "User: Allows tracking"),
            holds("techtrack", "techTRACK Account Administrator", At.ACCOUNT, "accounts.update", "Allows tracking and managing the account settings"),
            holds("techtrack", "techTRACK Organization Audit", At.PARTNER, "freight-audit.invoices.process", "Allows to use techAUDIT"),
            lacks("techtrack", "techTRACK Organization User", At.PARTNER, "freight-audit.invoices.view", "User: Allows tracking, report generation"),
            new Statement("for all the accounts within the organization", "techtrack", "techTRACK Organization User",
                    At.PARTNER, At.STORE, true, "reports.generate"));

    @InjectRealm(config = TemplatesRealm.class)
    ManagedRealm realm;

    @InjectAdminClient
    Keycloak admin;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    BranchkeyApi api;
    AccessApi access;
    Map<At, String> nodes;
    Map<String, String> groups;

    @BeforeEach
    void treeAndTemplates() {
        api = BranchkeyApi.asAdmin(urls, admin, realm.getName());
        access = new AccessApi(api);
        Tree tree = new Tree(api);
        nodes = new HashMap<>();
        nodes.put(At.PARTNER, tree.partner("Statements Partner"));
        nodes.put(At.ACCOUNT, tree.account(nodes.get(At.PARTNER), "Statements Account"));
        nodes.put(At.REGION, tree.region(nodes.get(At.ACCOUNT), "Statements Region"));
        nodes.put(At.STORE, tree.location(nodes.get(At.REGION), "Statements Store"));
        String other = tree.account(nodes.get(At.PARTNER), "Statements Other Account");
        nodes.put(At.OTHER_ACCOUNT_STORE, tree.location(other, "Statements Other Store"));
        groups = new HashMap<>();
        for (String system : RoleGroupsIT.SYSTEMS) {
            groups.putAll(access.loadTemplates(system));
        }
    }

    @Test
    void theTemplatesSayWhatTheirSourceDocumentsSay() {
        List<String> wrong = new ArrayList<>();
        for (Statement statement : STATEMENTS) {
            String group = groups.get(statement.group());
            if (group == null) {
                wrong.add("no template named " + statement.group() + " for: " + statement);
                continue;
            }
            String user = TestUsers.create(realm, TestUsers.uniqueName("stmt"));
            access.grant(user, nodes.get(statement.grantedAt()), group);
            List<String> effective = access.effective(user, nodes.get(statement.checkedAt()));
            if (effective.contains(statement.permission()) != statement.holds()) {
                wrong.add(statement + " but the server says " + effective);
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void everySystemIsCovered() {
        assertThat(STATEMENTS).extracting(Statement::system).containsAll(RoleGroupsIT.SYSTEMS);
    }

    public static class TemplatesRealm implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            return realm.name("bk-template-statements");
        }
    }
}
