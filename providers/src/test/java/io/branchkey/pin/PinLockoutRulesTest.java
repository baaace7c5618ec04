package io.branchkey.pin;

import static io.branchkey.pin.PinLockoutRules.HOUR_MS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;

import io.branchkey.pin.PinLockoutRules.CredentialCounter;
import io.branchkey.pin.PinLockoutRules.DeviceCounter;
import io.branchkey.pin.PinLockoutRules.LocationCounter;
import io.branchkey.pin.PinLoginResult.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pure part of the lockout: what the guard decides from the counters it has locked. */
class PinLockoutRulesTest {

    private static final long T0 = 1_800_000_000_000L; // some instant
    private static final LocationCounter QUIET = new LocationCounter(PinLockoutRules.hourOf(T0), 0);

    @Test
    void theCredentialLocksAtExactlyTenConsecutiveFailures() {
        CredentialCounter counter = CredentialCounter.CLEAR;
        for (int i = 1; i <= 9; i++) {
            counter = counter.afterFailure(T0 + i);
            assertThat(counter.locked()).as("after %d failures", i).isFalse();
        }
        counter = counter.afterFailure(T0 + 10);
        assertThat(counter.locked()).isTrue();
        assertThat(counter.lockedAt()).isEqualTo(T0 + 10);
        assertThat(counter.afterFailure(T0 + 11).lockedAt()).as("stays locked since the first time").isEqualTo(T0 + 10);
    }

    @ParameterizedTest(name = "after {0} failures the device waits {1} ms")
    @CsvSource({"0, 0", "4, 0", "5, 1000", "6, 2000", "7, 4000", "8, 8000", "9, 16000"})
    void growingDelays(int failures, long delay) {
        assertThat(PinLockoutRules.delayAfter(failures)).isEqualTo(delay);
    }

    @Test
    void anAttemptInsideTheDelayIsRefusedUnchecked() {
        DeviceCounter device = new DeviceCounter(6, T0, null);
        assertThat(PinLockoutRules.refuseUnchecked(QUIET, 100, device, T0 + 1999)).isEqualTo(Reason.DEVICE_DELAY);
        assertThat(PinLockoutRules.refuseUnchecked(QUIET, 100, device, T0 + 2000)).isNull();
        assertThat(device.retryAt()).isEqualTo(T0 + 2000);
    }

    @Test
    void theDeviceLocksAtTenAndStaysLockedUntilUnlocked() {
        DeviceCounter device = DeviceCounter.CLEAR;
        for (int i = 1; i <= 9; i++) {
            device = device.afterFailure(T0 + i * 100_000L);
            assertThat(device.lockedAt()).isNull();
        }
        device = device.afterFailure(T0 + 1_000_000L);
        assertThat(device.lockedAt()).isEqualTo(T0 + 1_000_000L);
        assertThat(device.retryAt()).as("locked: no waiting helps").isNull();
        assertThat(PinLockoutRules.refuseUnchecked(QUIET, 100, device, T0 + 365L * 24 * HOUR_MS)).isEqualTo(Reason.DEVICE_LOCKED);
        assertThat(PinLockoutRules.refuseUnchecked(QUIET, 100, DeviceCounter.CLEAR, T0)).isNull();
    }

    @Test
    void theLocationBudgetHoldsForTheClockHour() {
        long hourStart = PinLockoutRules.hourOf(T0) * HOUR_MS;
        LocationCounter location = new LocationCounter(PinLockoutRules.hourOf(T0), 0);
        for (int i = 0; i < 3; i++) {
            assertThat(PinLockoutRules.refuseUnchecked(location, 3, DeviceCounter.CLEAR, hourStart + 10)).isNull();
            location = location.afterFailure(hourStart + 10);
        }
        assertThat(location.failures()).isEqualTo(3);
        assertThat(PinLockoutRules.refuseUnchecked(location, 3, DeviceCounter.CLEAR, hourStart + HOUR_MS - 1))
                .isEqualTo(Reason.LOCATION_BUDGET);
        // the next hour starts from zero
        assertThat(PinLockoutRules.refuseUnchecked(location, 3, DeviceCounter.CLEAR, hourStart + HOUR_MS)).isNull();
        assertThat(location.afterFailure(hourStart + HOUR_MS)).isEqualTo(new LocationCounter(PinLockoutRules.hourOf(T0) + 1, 1));
    }

    @Test
    void theBudgetIsCheckedBeforeTheDevice() {
        LocationCounter full = new LocationCounter(PinLockoutRules.hourOf(T0), 100);
        assertThat(PinLockoutRules.refuseUnchecked(full, 100, new DeviceCounter(10, T0, T0), T0)).isEqualTo(Reason.LOCATION_BUDGET);
    }

    @Test
    void onlyCheckedAttemptsCount() {
        EnumSet<Reason> counted = EnumSet.noneOf(Reason.class);
        for (Reason reason : Reason.values()) {
            if (PinLockoutRules.countsAsFailure(reason)) {
                counted.add(reason);
            }
        }
        assertThat(counted).containsExactlyInAnyOrder(Reason.WRONG_PIN, Reason.UNKNOWN_PIN, Reason.CREDENTIAL_LOCKED,
                Reason.AMBIGUOUS, Reason.NO_PIN, Reason.NOT_MEMBER, Reason.USER_DISABLED);
    }

    /**
     * Twenty wrong attempts in a row on one device (which is what twenty parallel ones become under the guard's
     * locks) with the delays respected: the credential and the device lock at exactly the tenth.
     */
    @Test
    void twentySerialisedWrongAttempts() {
        LocationCounter location = QUIET;
        DeviceCounter device = DeviceCounter.CLEAR;
        CredentialCounter credential = CredentialCounter.CLEAR;
        long now = T0;
        int checked = 0;
        int refusedUnchecked = 0;
        for (int i = 0; i < 20; i++) {
            Long retryAt = device.retryAt();
            now = retryAt != null ? retryAt : now + 10;
            Reason early = PinLockoutRules.refuseUnchecked(location, 100, device, now);
            if (early != null) {
                refusedUnchecked++;
                continue;
            }
            checked++;
            Reason reason = credential.locked() ? Reason.CREDENTIAL_LOCKED : Reason.WRONG_PIN;
            location = location.afterFailure(now);
            device = device.afterFailure(now);
            if (reason == Reason.WRONG_PIN) {
                credential = credential.afterFailure(now);
            }
        }
        assertThat(checked).isEqualTo(10);
        assertThat(refusedUnchecked).isEqualTo(10);
        assertThat(credential.failures()).isEqualTo(10);
        assertThat(credential.locked()).isTrue();
        assertThat(device.lockedAt()).isNotNull();
        assertThat(location.failures()).isEqualTo(10);
    }
}
