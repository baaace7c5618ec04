package io.branchkey.bench;

import java.util.List;

/**
 * The PIN benchmark's realm as loaded: two locations of one account with the same staff, one PIN-only, one with
 * tiles and PIN; registers enrolled at each; one register client for every kind of login.
 *
 * @param passwordHashing what Keycloak stored for the staff's passwords (algorithm, iterations, parameters)
 */
record PinRealm(String realm, String clientId, Location pinOnly, Location tile, List<Staff> staff, String password,
                String passwordPolicy, String passwordHashing, int cashierPermissions) {

    /** A location and the registers enrolled there. */
    record Location(String id, String code, List<BenchDevice> registers) {
    }

    /** A staff member; the PIN is kept in memory only and never printed. */
    record Staff(String id, String username, String pin) {

        @Override
        public String toString() {
            return "Staff[" + username + "]";
        }
    }
}
