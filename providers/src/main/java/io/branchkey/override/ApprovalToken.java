package io.branchkey.override;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.keycloak.TokenCategory;
import org.keycloak.representations.JsonWebToken;

/**
 * A manager's approval of one register action (docs/overrides.md): signed with the realm's keys under its own
 * JOSE {@code typ} ({@value #HEADER_TYPE}), short-lived and usable once. The requester is the subject, the
 * approver the actor ({@code act}, RFC 8693).
 */
public final class ApprovalToken extends JsonWebToken {

    public static final String HEADER_TYPE = "branchkey-approval+jwt";
    public static final String TOKEN_TYPE = "branchkey-approval";

    @JsonProperty("act")
    private Map<String, String> actor;

    @JsonProperty("action")
    private String action;

    @JsonProperty("context")
    private Map<String, Object> context;

    @JsonProperty("location")
    private Map<String, Object> location;

    @JsonProperty("device")
    private String device;

    public Map<String, String> getActor() {
        return actor;
    }

    public ApprovalToken actor(String approverId) {
        this.actor = Map.of("sub", approverId);
        return this;
    }

    public String getAction() {
        return action;
    }

    public ApprovalToken action(String action) {
        this.action = action;
        return this;
    }

    public Map<String, Object> getContext() {
        return context;
    }

    public ApprovalToken context(Map<String, Object> context) {
        this.context = context;
        return this;
    }

    public Map<String, Object> getLocation() {
        return location;
    }

    public ApprovalToken location(String id, long handle) {
        this.location = Map.of("id", id, "handle", handle);
        return this;
    }

    public String getDevice() {
        return device;
    }

    public ApprovalToken device(String deviceId) {
        this.device = deviceId;
        return this;
    }

    @Override
    public TokenCategory getCategory() {
        return TokenCategory.ACCESS;
    }
}
