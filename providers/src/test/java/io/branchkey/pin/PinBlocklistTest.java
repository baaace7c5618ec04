package io.branchkey.pin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The blocklist as a table: each blocked PIN with the rule that catches it, and PINs that must stay allowed. */
class PinBlocklistTest {

    @ParameterizedTest(name = "{0} is blocked ({1})")
    @CsvSource({
            // one digit repeated
            "0000, same digit", "1111, same digit", "7777, same digit", "000000, same digit", "111111, same digit",
            "666666, same digit", "99999999, same digit",
            // ascending and descending runs, also across 9/0
            "1234, ascending", "0123, ascending", "123456, ascending", "234567, ascending", "12345678, ascending",
            "890123, ascending across 9/0", "901234, ascending across 9/0", "7890, ascending across 9/0",
            "4321, descending", "3210, descending", "654321, descending", "987654, descending",
            "109876, descending across 0/9", "2109, descending across 0/9",
            // repetitions of a shorter block
            "1212, period 2", "1010, period 2", "1313, period 2", "6969, period 2", "121212, period 2",
            "696969, period 2", "123123, period 3", "520520, period 3", "12341234, period 4", "12121, period 2 (odd length)",
            // every digit doubled, halves a run or one digit
            "1122, doubled run", "112233, doubled run", "998877, doubled run", "11223344, doubled run",
            // straight keypad lines of 3 or 4 keys
            "2580, keypad column", "0852, keypad column", "147258, keypad columns", "258369, keypad columns",
            "159753, keypad diagonals", "357159, keypad diagonals", "147852, keypad column up and down",
            "789456, keypad rows", "741852963, keypad columns",
            // years
            "1984, year", "2000, year", "2001, year", "1930, year", "2039, year",
            // well-known PINs no rule catches
            "1004, common", "2468, common", "1357, common", "123321, keypad row there and back", "1221, common",
    })
    void blocked(String pin, String why) {
        assertThat(PinBlocklist.isBlocked(pin, List.of())).as(why).isTrue();
    }

    @ParameterizedTest(name = "{0} is allowed")
    @ValueSource(strings = {"4739", "8061", "1929", "2040", "3791", "583920", "604817", "271828", "9034", "38475610",
            "12435", "135792", "2581", "1478"})
    void allowed(String pin) {
        assertThat(PinBlocklist.isBlocked(pin, List.of())).isFalse();
    }

    @Test
    void theRealmsOwnListIsBlockedToo() {
        assertThat(PinBlocklist.isBlocked("583920", List.of("583920"))).isTrue();
        assertThat(PinBlocklist.isBlocked("583921", List.of("583920"))).isFalse();
        assertThat(PinBlocklist.isBlocked("583920", null)).isFalse();
    }

    @Test
    void theCommonListHoldsOnlyWhatTheRulesMiss() {
        Set<String> common = PinBlocklist.COMMON;
        for (String pin : common) {
            assertThat(PinBlocklist.sameDigit(pin) || PinBlocklist.run(pin, 1) || PinBlocklist.run(pin, -1)
                    || PinBlocklist.periodic(pin) || PinBlocklist.doubledRun(pin) || PinBlocklist.keypadLines(pin)
                    || PinBlocklist.year(pin)).as("%s is caught by a rule already", pin).isFalse();
            assertThat(pin).matches("[0-9]{4,8}");
        }
    }

    @Test
    void theIssuesExamplesAreAllBlocked() {
        for (String pin : List.of("1234", "1111", "0000", "1212", "7777", "1004", "2000", "4444", "2222", "6969", "9999",
                "3333", "5555", "6666", "1122", "1313", "8888", "4321", "2001", "1010", "123456", "654321", "111111",
                "000000", "121212", "112233", "159753", "696969", "123123", "666666", "987654", "2580", "147258")) {
            assertThat(PinBlocklist.isBlocked(pin, List.of())).as(pin).isTrue();
        }
    }

    @Test
    void fewerThanOneInTwentyRandomSixDigitPinsAreBlocked() {
        int blocked = 0;
        for (int i = 0; i < 1_000_000; i += 7) {
            if (PinBlocklist.isBlocked(String.format("%06d", i), List.of())) {
                blocked++;
            }
        }
        assertThat(blocked).isLessThan(1_000_000 / 7 / 20);
    }
}
