package io.branchkey.device;

/**
 * A kind of device and what signing in at it takes.
 *
 * @param loginPermission the permission a person needs at the device's location to log in at it (register.access
 *                        for a register; KlickTrack: Fulfillment staff "Can NOT access register")
 * @param roleGroupId     the role group a device of this type holds at its location when it signs in as itself,
 *                        or null: then its own tokens carry no permissions
 */
public record DeviceType(String name, String displayName, String loginPermission, String roleGroupId) {
}
