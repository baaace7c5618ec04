package io.branchkey.access.jpa;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.branchkey.common.BranchkeyException;

/** The role-group templates shipped in realm-config/templates (packed into the provider jar), one file per system. */
final class RoleGroupTemplates {

    private static final Pattern SYSTEM = Pattern.compile("[a-z][a-z0-9-]{0,63}");
    private static final ObjectMapper JSON = new ObjectMapper();

    // Tolerant of extra documentation fields (typicalLevel, notes): the file is ours, read-only and versioned.
    @JsonIgnoreProperties(ignoreUnknown = true)
    record TemplateGroup(String name, String description, List<String> permissions) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record TemplateFile(String system, String name, String description, List<TemplateGroup> roleGroups) {
    }

    private RoleGroupTemplates() {
    }

    static TemplateFile load(String system) {
        if (system == null || !SYSTEM.matcher(system).matches()) {
            throw BranchkeyException.notFound("system", "no role-group templates named " + system);
        }
        try (InputStream in = RoleGroupTemplates.class.getResourceAsStream("/branchkey/templates/" + system + ".json")) {
            if (in == null) {
                throw BranchkeyException.notFound("system", "no role-group templates named " + system);
            }
            return JSON.readValue(in, TemplateFile.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read templates " + system, e);
        }
    }
}
