package io.branchkey.pin;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A realm's PIN rules (docs/pin.md, "Policy"): the length of new PINs, whether users may choose their own, extra
 * blocked PINs, and how many failed PIN attempts a location may see per clock hour.
 *
 * @param length                      digits of new PINs, 4 to 8 (existing PINs keep theirs)
 * @param usersMayChoose              whether the set-PIN required action lets users pick a PIN; otherwise it
 *                                    generates one and shows it once
 * @param blockedPins                 refused in addition to the built-in rules, each 4 to 8 digits
 * @param locationHourlyFailureBudget failed attempts per location and clock hour before every PIN attempt there
 *                                    is refused until the hour ends
 */
public record PinPolicy(int length, boolean usersMayChoose, List<String> blockedPins, int locationHourlyFailureBudget) {

    public static final int MIN_LENGTH = 4;
    public static final int MAX_LENGTH = 8;
    public static final int DEFAULT_LENGTH = 6;
    public static final int DEFAULT_LOCATION_BUDGET = 100;
    public static final int MAX_LOCATION_BUDGET = 100_000;
    public static final int MAX_BLOCKED_PINS = 1000;

    public static final PinPolicy DEFAULT = new PinPolicy(DEFAULT_LENGTH, true, List.of(), DEFAULT_LOCATION_BUDGET);

    public PinPolicy {
        blockedPins = blockedPins == null ? List.of() : List.copyOf(blockedPins);
    }

    /**
     * A policy from optional values (null: the default), checked: a bad value is a {@link PinPolicyException}
     * naming the field. Blocked PINs are de-duplicated and sorted.
     */
    public static PinPolicy of(Integer length, Boolean usersMayChoose, List<String> blockedPins, Integer locationBudget) {
        int len = length == null ? DEFAULT_LENGTH : length;
        requireLength("length", len);
        int budget = locationBudget == null ? DEFAULT_LOCATION_BUDGET : locationBudget;
        if (budget < 1 || budget > MAX_LOCATION_BUDGET) {
            throw new PinPolicyException("locationHourlyFailureBudget",
                    "locationHourlyFailureBudget must be between 1 and " + MAX_LOCATION_BUDGET);
        }
        Set<String> blocked = new TreeSet<>();
        if (blockedPins != null) {
            if (blockedPins.size() > MAX_BLOCKED_PINS) {
                throw new PinPolicyException("blockedPins", "at most " + MAX_BLOCKED_PINS + " blocked PINs");
            }
            for (int i = 0; i < blockedPins.size(); i++) {
                String pin = blockedPins.get(i);
                if (pin == null || !isDigits(pin) || pin.length() < MIN_LENGTH || pin.length() > MAX_LENGTH) {
                    throw new PinPolicyException("blockedPins." + i,
                            "blocked PINs are " + MIN_LENGTH + " to " + MAX_LENGTH + " digits");
                }
                blocked.add(pin);
            }
        }
        return new PinPolicy(len, usersMayChoose == null || usersMayChoose, new ArrayList<>(blocked), budget);
    }

    /** A length for a new PIN: the policy's unless one is asked for, which must lie in 4..8. */
    public int lengthOrDefault(Integer requested) {
        if (requested == null) {
            return length;
        }
        requireLength("length", requested);
        return requested;
    }

    /**
     * Checks a PIN a user chose: digits only, exactly the policy's length, not blocked. Uniqueness at PIN-only
     * locations is checked where the data is.
     */
    public void checkChosen(String pin) {
        if (pin == null || pin.isEmpty()) {
            throw new PinPolicyException(PinPolicyException.Problem.FORMAT, "pin", "a PIN is required");
        }
        if (!isDigits(pin)) {
            throw new PinPolicyException(PinPolicyException.Problem.FORMAT, "pin", "a PIN has digits only");
        }
        if (pin.length() != length) {
            throw new PinPolicyException(PinPolicyException.Problem.LENGTH, "pin",
                    "a PIN has exactly " + length + " digits");
        }
        if (isBlocked(pin)) {
            throw new PinPolicyException(PinPolicyException.Problem.BLOCKED, "pin",
                    "this PIN is too easy to guess: choose another one");
        }
    }

    public boolean isBlocked(String pin) {
        return PinBlocklist.isBlocked(pin, blockedPins);
    }

    static boolean isDigits(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return !value.isEmpty();
    }

    private static void requireLength(String field, int length) {
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            throw new PinPolicyException(PinPolicyException.Problem.LENGTH, field,
                    field + " must be between " + MIN_LENGTH + " and " + MAX_LENGTH);
        }
    }
}
