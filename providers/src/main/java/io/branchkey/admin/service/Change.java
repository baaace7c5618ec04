package io.branchkey.admin.service;

import java.util.List;

import org.keycloak.events.admin.OperationType;

/**
 * One change, described once for both records: a realm admin's change becomes a Keycloak admin event, a delegated
 * caller's an entry of Branchkey's audit trail.
 *
 * @param operation      the admin event's operation
 * @param resourceType   the admin event's resource type (BRANCHKEY_*)
 * @param representation what the admin event carries; never a secret
 * @param path           the admin event's resource path below {@code branchkey/}
 * @param auditAction    the audit entry's action (GRANT_CREATE, …)
 * @param nodeId         where it happened, for the audit trail (null: nowhere in particular)
 * @param targetId       the user (or device) it happened to, for the audit trail, or null
 * @param details        a short text for the audit trail, or null; never a secret
 */
public record Change(OperationType operation, String resourceType, Object representation, List<String> path,
                     String auditAction, String nodeId, String targetId, String details) {

    public static final String NODE = "BRANCHKEY_NODE";
    public static final String MEMBERSHIP = "BRANCHKEY_MEMBERSHIP";
    public static final String PERMISSION = "BRANCHKEY_PERMISSION";
    public static final String ROLE_GROUP = "BRANCHKEY_ROLE_GROUP";
    public static final String GRANT = "BRANCHKEY_GRANT";
    public static final String DEVICE = "BRANCHKEY_DEVICE";
    public static final String OVERRIDE_RULE = "BRANCHKEY_OVERRIDE_RULE";
    public static final String PIN = "BRANCHKEY_PIN";
    public static final String PIN_POLICY = "BRANCHKEY_PIN_POLICY";
    public static final String PIN_SETTINGS = "BRANCHKEY_PIN_SETTINGS";
    public static final String USER = "BRANCHKEY_USER";

    public Change {
        path = List.copyOf(path);
    }

    /** Starts a change: what kind of thing, and where it lives in the API. */
    public static Builder of(OperationType operation, String resourceType, String... path) {
        return new Builder(operation, resourceType, List.of(path));
    }

    public static final class Builder {
        private final OperationType operation;
        private final String resourceType;
        private final List<String> path;
        private Object representation;

        private Builder(OperationType operation, String resourceType, List<String> path) {
            this.operation = operation;
            this.resourceType = resourceType;
            this.path = path;
        }

        public Builder representation(Object representation) {
            this.representation = representation;
            return this;
        }

        public Change audit(String action, String nodeId, String targetId, String details) {
            return new Change(operation, resourceType, representation, path, action, nodeId, targetId, details);
        }
    }
}
