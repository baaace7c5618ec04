package io.branchkey.pin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PinPolicyTest {

    @Test
    void absentValuesTakeTheDefaults() {
        PinPolicy policy = PinPolicy.of(null, null, null, null);
        assertThat(policy).isEqualTo(PinPolicy.DEFAULT);
        assertThat(policy.length()).isEqualTo(6);
        assertThat(policy.usersMayChoose()).isTrue();
        assertThat(policy.blockedPins()).isEmpty();
        assertThat(policy.locationHourlyFailureBudget()).isEqualTo(100);
    }

    @Test
    void blockedPinsAreDeduplicatedAndSorted() {
        assertThat(PinPolicy.of(4, false, List.of("5555", "4739", "4739"), 10).blockedPins()).containsExactly("4739", "5555");
    }

    @ParameterizedTest(name = "length {0}: {1}")
    @CsvSource({"3, false", "4, true", "6, true", "8, true", "9, false", "0, false", "-1, false"})
    void lengthIsFourToEight(int length, boolean valid) {
        PinPolicyException e = catchThrowableOfType(PinPolicyException.class, () -> PinPolicy.of(length, null, null, null));
        if (valid) {
            assertThat(e).isNull();
        } else {
            assertThat(e.getField()).isEqualTo("length");
        }
    }

    @Test
    void theBudgetIsBounded() {
        assertThat(catchThrowableOfType(PinPolicyException.class, () -> PinPolicy.of(null, null, null, 0)).getField())
                .isEqualTo("locationHourlyFailureBudget");
        assertThat(catchThrowableOfType(PinPolicyException.class, () -> PinPolicy.of(null, null, null, 100_001)).getField())
                .isEqualTo("locationHourlyFailureBudget");
        assertThat(PinPolicy.of(null, null, null, 1).locationHourlyFailureBudget()).isEqualTo(1);
    }

    @Test
    void aBadBlockedPinIsNamedByPosition() {
        assertThat(catchThrowableOfType(PinPolicyException.class,
                () -> PinPolicy.of(null, null, List.of("4739", "12a4"), null)).getField()).isEqualTo("blockedPins.1");
        assertThat(catchThrowableOfType(PinPolicyException.class,
                () -> PinPolicy.of(null, null, List.of("123"), null)).getField()).isEqualTo("blockedPins.0");
        List<String> withNull = new ArrayList<>(List.of("4739"));
        withNull.add(null);
        assertThat(catchThrowableOfType(PinPolicyException.class,
                () -> PinPolicy.of(null, null, withNull, null)).getField()).isEqualTo("blockedPins.1");
        assertThat(catchThrowableOfType(PinPolicyException.class,
                () -> PinPolicy.of(null, null, Collections.nCopies(1001, "4739"), null)).getField()).isEqualTo("blockedPins");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "'', FORMAT", "12a456, FORMAT", "' 583920', FORMAT", "５８３９２０, FORMAT",
            "58392, LENGTH", "5839201, LENGTH",
            "123456, BLOCKED", "112233, BLOCKED", "777777, BLOCKED", "604817, BLOCKED"})
    void chosenPinsAreChecked(String pin, PinPolicyException.Problem problem) {
        PinPolicy policy = PinPolicy.of(6, true, List.of("604817"), null);
        PinPolicyException e = catchThrowableOfType(PinPolicyException.class, () -> policy.checkChosen(pin));
        assertThat(e.getProblem()).isEqualTo(problem);
        assertThat(e.getField()).isEqualTo("pin");
        if (!pin.isBlank()) {
            assertThat(e.getMessage()).doesNotContain(pin.trim());
        }
    }

    @Test
    void aGoodChosenPinPasses() {
        PinPolicy.DEFAULT.checkChosen("583920");
        assertThat(PinPolicy.DEFAULT.lengthOrDefault(null)).isEqualTo(6);
        assertThat(PinPolicy.DEFAULT.lengthOrDefault(4)).isEqualTo(4);
        assertThat(catchThrowableOfType(PinPolicyException.class, () -> PinPolicy.DEFAULT.lengthOrDefault(9)).getField())
                .isEqualTo("length");
    }

    @Test
    void theFallbackOptionIsParsed() {
        assertThat(PinPeppers.Fallback.parse(null)).isNull();
        assertThat(PinPeppers.Fallback.parse(" ")).isNull();
        assertThat(PinPeppers.Fallback.parse("none")).isEqualTo(PinPeppers.Fallback.NONE);
        assertThat(PinPeppers.Fallback.parse(" Realm-Attribute ")).isEqualTo(PinPeppers.Fallback.REALM_ATTRIBUTE);
        assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> PinPeppers.Fallback.parse("vault"))).isNotNull();
    }

    @Test
    void theDevelopmentFallbackExistsOnlyUnderStartDev() {
        // start-dev: the realm attribute unless switched off
        assertThat(PinPeppers.Fallback.inForce(null, true)).isEqualTo(PinPeppers.Fallback.REALM_ATTRIBUTE);
        assertThat(PinPeppers.Fallback.inForce(PinPeppers.Fallback.NONE, true)).isEqualTo(PinPeppers.Fallback.NONE);
        // anything else: the vault or nothing, whatever the option asks for
        assertThat(PinPeppers.Fallback.inForce(null, false)).isEqualTo(PinPeppers.Fallback.NONE);
        assertThat(PinPeppers.Fallback.inForce(PinPeppers.Fallback.REALM_ATTRIBUTE, false)).isEqualTo(PinPeppers.Fallback.NONE);
        assertThat(PinPeppers.Fallback.inForce(PinPeppers.Fallback.NONE, false)).isEqualTo(PinPeppers.Fallback.NONE);
    }
}
