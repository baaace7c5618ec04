package io.branchkey.pin;

import java.util.Collection;
import java.util.Set;

/**
 * PINs too easy to guess, decided by rules rather than a long list (docs/pin.md, "Blocklist"). Pure: the same
 * answer everywhere, for user-chosen and for server-generated PINs (a generated PIN that is blocked is drawn
 * again).
 *
 * <p>A PIN is blocked when it is
 * <ul>
 *     <li>one digit repeated: 0000, 777777;</li>
 *     <li>an ascending or descending run, also across 9/0: 1234, 654321, 890123, 3210, 109876;</li>
 *     <li>a repetition of a shorter block: 1212, 121212, 123123, 12341234, 12121 (period at most half the length);</li>
 *     <li>a run or one digit with every digit doubled: 1122, 112233, 998877, 11223344;</li>
 *     <li>made of straight lines on a phone keypad (1-2-3 / 4-5-6 / 7-8-9 / 0 below 8), three or four keys
 *         each: 2580, 0852, 147258, 159753, 369258147;</li>
 *     <li>a year from 1930 to 2039 (four digits only): 1984, 2001;</li>
 *     <li>one of the well-known PINs of {@link #COMMON};</li>
 *     <li>in the realm's own extra list.</li>
 * </ul>
 */
public final class PinBlocklist {

    /** Frequent PINs in published PIN studies that no rule above already catches. */
    static final Set<String> COMMON = Set.of(
            "1004", "1230", "1269", "1342", "1738", "2468", "5683", "1357", "7531", "8520", "1590", "1001", "1221",
            "2112", "102030", "100200", "121314", "111222", "112211", "246810", "135790");

    /** Row, column of each digit on a phone keypad. */
    private static final int[][] KEYPAD = {
            {3, 1}, // 0
            {0, 0}, {0, 1}, {0, 2},
            {1, 0}, {1, 1}, {1, 2},
            {2, 0}, {2, 1}, {2, 2}};

    private PinBlocklist() {
    }

    /** Whether the PIN (digits only, checked by the caller) is too easy to guess. */
    public static boolean isBlocked(String pin, Collection<String> extra) {
        return sameDigit(pin) || run(pin, 1) || run(pin, -1) || periodic(pin) || doubledRun(pin)
                || keypadLines(pin) || year(pin) || COMMON.contains(pin) || extra != null && extra.contains(pin);
    }

    static boolean sameDigit(String pin) {
        return run(pin, 0);
    }

    /** Each digit is the previous one plus {@code step}, modulo 10 (so 890123 and 109876 are runs too). */
    static boolean run(String pin, int step) {
        for (int i = 1; i < pin.length(); i++) {
            if (digit(pin, i) != Math.floorMod(digit(pin, i - 1) + step, 10)) {
                return false;
            }
        }
        return true;
    }

    /** The PIN repeats a block no longer than half of it: 1212, 123123, 12121. */
    static boolean periodic(String pin) {
        for (int period = 1; period <= pin.length() / 2; period++) {
            if (hasPeriod(pin, period)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasPeriod(String pin, int period) {
        for (int i = period; i < pin.length(); i++) {
            if (pin.charAt(i) != pin.charAt(i - period)) {
                return false;
            }
        }
        return true;
    }

    /** 1122, 112233, 998877: pairs of equal digits whose halves form a run or one digit. */
    static boolean doubledRun(String pin) {
        if (pin.length() % 2 != 0) {
            return false;
        }
        StringBuilder half = new StringBuilder();
        for (int i = 0; i < pin.length(); i += 2) {
            if (pin.charAt(i) != pin.charAt(i + 1)) {
                return false;
            }
            half.append(pin.charAt(i));
        }
        String h = half.toString();
        return run(h, 1) || run(h, -1) || run(h, 0);
    }

    /** The PIN splits into straight keypad lines of three or four keys each (2580, 147258, 159753). */
    static boolean keypadLines(String pin) {
        boolean[] splittable = new boolean[pin.length() + 1];
        splittable[0] = true;
        for (int end = 3; end <= pin.length(); end++) {
            for (int length = 3; length <= 4 && length <= end; length++) {
                if (splittable[end - length] && straight(pin.substring(end - length, end))) {
                    splittable[end] = true;
                }
            }
        }
        return splittable[pin.length()];
    }

    private static boolean straight(String keys) {
        int dr = KEYPAD[digit(keys, 1)][0] - KEYPAD[digit(keys, 0)][0];
        int dc = KEYPAD[digit(keys, 1)][1] - KEYPAD[digit(keys, 0)][1];
        if (Math.abs(dr) > 1 || Math.abs(dc) > 1 || dr == 0 && dc == 0) {
            return false;
        }
        for (int i = 2; i < keys.length(); i++) {
            if (KEYPAD[digit(keys, i)][0] - KEYPAD[digit(keys, i - 1)][0] != dr
                    || KEYPAD[digit(keys, i)][1] - KEYPAD[digit(keys, i - 1)][1] != dc) {
                return false;
            }
        }
        return true;
    }

    static boolean year(String pin) {
        if (pin.length() != 4) {
            return false;
        }
        int value = Integer.parseInt(pin);
        return value >= 1930 && value <= 2039;
    }

    private static int digit(String pin, int i) {
        return pin.charAt(i) - '0';
    }
}
