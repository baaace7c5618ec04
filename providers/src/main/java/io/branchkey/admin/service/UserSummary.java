package io.branchkey.admin.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.keycloak.models.UserModel;

/** A user as the API shows them: who, and whether enabled; never credentials. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UserSummary(String id, String username, String email, Boolean emailVerified, String firstName,
                          String lastName, boolean enabled, String employeeId) {

    /** The user-profile attribute Branchkey declares for staff numbers (docs/admin-ui.md). */
    static final String EMPLOYEE_ID = "employeeId";

    public static UserSummary of(UserModel user) {
        return new UserSummary(user.getId(), user.getUsername(), user.getEmail(), user.isEmailVerified(),
                user.getFirstName(), user.getLastName(), user.isEnabled(), user.getFirstAttribute(EMPLOYEE_ID));
    }
}
