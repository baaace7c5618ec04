package io.branchkey.admin;

import org.keycloak.events.admin.OperationType;
import org.keycloak.services.resources.admin.AdminEventBuilder;

/** The resource types and paths Branchkey's admin events carry. */
final class AdminEvents {

    static final String NODE = "BRANCHKEY_NODE";
    static final String MEMBERSHIP = "BRANCHKEY_MEMBERSHIP";
    static final String PERMISSION = "BRANCHKEY_PERMISSION";
    static final String ROLE_GROUP = "BRANCHKEY_ROLE_GROUP";
    static final String GRANT = "BRANCHKEY_GRANT";
    static final String DEVICE = "BRANCHKEY_DEVICE";
    static final String OVERRIDE_RULE = "BRANCHKEY_OVERRIDE_RULE";
    static final String PIN = "BRANCHKEY_PIN";
    static final String PIN_POLICY = "BRANCHKEY_PIN_POLICY";
    static final String PIN_SETTINGS = "BRANCHKEY_PIN_SETTINGS";
    static final String ROOT = "branchkey";

    private AdminEvents() {
    }

    static void emit(AdminEventBuilder builder, OperationType operation, String resourceType, Object representation,
                     String... path) {
        String[] fullPath = new String[path.length + 1];
        fullPath[0] = ROOT;
        System.arraycopy(path, 0, fullPath, 1, path.length);
        builder.operation(operation).resource(resourceType).resourcePath(fullPath)
                .representation(representation).success();
    }
}
