package io.branchkey.admin.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.keycloak.models.UserModel;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record UserSummary(String id, String username, String email, String firstName, String lastName, boolean enabled) {

    public static UserSummary of(UserModel user) {
        return new UserSummary(user.getId(), user.getUsername(), user.getEmail(), user.getFirstName(),
                user.getLastName(), user.isEnabled());
    }
}
