package io.branchkey.device;

/** A one-time code a manager hands to a new device; shown once, stored only as a hash. */
public record EnrollmentCode(String code, String locationId, String type, String name, long expiresAt) {
}
