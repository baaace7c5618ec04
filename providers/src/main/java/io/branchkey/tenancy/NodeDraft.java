package io.branchkey.tenancy;

import io.branchkey.common.BranchkeyException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The attributes of a node that a caller supplies, validated on construction. Every writer (admin API, seed
 * import, later the delegated API) goes through here, so the field rules exist once.
 */
public record NodeDraft(NodeKind kind, String name, String code, NodeStatus status, String timezone,
                        NodeAddress address, Map<String, String> externalIds) {

    public static final int MAX_NAME = 255;
    public static final int MAX_EXTERNAL_IDS = 20;
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern EXTERNAL_ID_KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    public NodeDraft {
        if (kind == null) {
            throw BranchkeyException.invalid("kind", "kind is required (one of PARTNER, ACCOUNT, REGION, LOCATION)");
        }
        name = requireText("name", name, MAX_NAME);
        code = optionalText("code", code, 64);
        if (code != null && !CODE.matcher(code).matches()) {
            throw BranchkeyException.invalid("code",
                    "code must be 1-64 characters of A-Z, a-z, 0-9, '.', '_' or '-', starting with a letter or digit");
        }
        if (code == null && kind == NodeKind.LOCATION) {
            throw BranchkeyException.invalid("code", "a LOCATION needs a code");
        }
        status = status == null ? NodeStatus.ACTIVE : status;
        timezone = validTimezone(optionalText("timezone", timezone, 64));
        address = validAddress(address);
        externalIds = validExternalIds(externalIds);
    }

    private static String requireText(String field, String value, int max) {
        String trimmed = optionalText(field, value, max);
        if (trimmed == null) {
            throw BranchkeyException.invalid(field, field + " must not be blank");
        }
        return trimmed;
    }

    /** Trims; blank becomes null; longer than max (after trimming) is an error. */
    private static String optionalText(String field, String value, int max) {
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        if (trimmed.isEmpty()) {
            return null;
        }
        if (trimmed.length() > max) {
            throw BranchkeyException.invalid(field, field + " must be at most " + max + " characters");
        }
        return trimmed;
    }

    private static String validTimezone(String timezone) {
        if (timezone == null) {
            return null;
        }
        try {
            // Region ids only: offsets like "+02:00" ignore daylight saving, which stores need.
            if (!ZoneId.getAvailableZoneIds().contains(timezone)) {
                throw new DateTimeException(timezone);
            }
            return ZoneId.of(timezone).getId();
        } catch (DateTimeException e) {
            throw BranchkeyException.invalid("timezone", "timezone must be an IANA zone id such as Europe/Berlin");
        }
    }

    private static NodeAddress validAddress(NodeAddress address) {
        if (address == null) {
            return NodeAddress.EMPTY;
        }
        String country = optionalText("address.country", address.country(), 2);
        if (country != null) {
            country = country.toUpperCase(Locale.ROOT);
            if (!COUNTRIES.contains(country)) {
                throw BranchkeyException.invalid("address.country", "address.country must be an ISO 3166-1 alpha-2 code");
            }
        }
        return new NodeAddress(
                optionalText("address.line1", address.line1(), 255),
                optionalText("address.line2", address.line2(), 255),
                optionalText("address.city", address.city(), 100),
                optionalText("address.region", address.region(), 100),
                optionalText("address.postalCode", address.postalCode(), 32),
                country);
    }

    private static Map<String, String> validExternalIds(Map<String, String> ids) {
        if (ids == null || ids.isEmpty()) {
            return Map.of();
        }
        if (ids.size() > MAX_EXTERNAL_IDS) {
            throw BranchkeyException.invalid("externalIds", "at most " + MAX_EXTERNAL_IDS + " external ids");
        }
        Map<String, String> valid = new LinkedHashMap<>();
        ids.forEach((key, value) -> {
            if (key == null || !EXTERNAL_ID_KEY.matcher(key).matches()) {
                throw BranchkeyException.invalid("externalIds",
                        "external id names must be 1-64 characters of A-Z, a-z, 0-9, '_' or '-', starting with a letter");
            }
            valid.put(key, requireText("externalIds." + key, value, 255));
        });
        return Collections.unmodifiableMap(valid);
    }
}
