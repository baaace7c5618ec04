package io.branchkey.pin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** Hashing, verification and the blind index. */
class PepperTest {

    private static final Pepper PEPPER = Pepper.derive(bytes("a development pepper of at least 32 bytes!"), "test");
    private static final Pepper OTHER = Pepper.derive(bytes("another pepper, also at least 32 bytes long"), "test");

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aStoredPinVerifiesAndNothingElseDoes() {
        PinCredentialModel model = PinCredentialModel.create("583920", PEPPER);
        PinCredentialModel stored = PinCredentialModel.createFromCredentialModel(model);
        assertThat(stored.verify("583920", PEPPER)).isTrue();
        assertThat(stored.verify("583921", PEPPER)).isFalse();
        assertThat(stored.verify("58392", PEPPER)).isFalse();
        assertThat(stored.verify("", PEPPER)).isFalse();
        assertThat(stored.verify(null, PEPPER)).isFalse();
    }

    @Test
    void anotherPepperMatchesNothing() {
        PinCredentialModel stored = PinCredentialModel.createFromCredentialModel(PinCredentialModel.create("583920", PEPPER));
        assertThat(stored.verify("583920", OTHER)).isFalse();
        assertThat(stored.madeWith(PEPPER)).isTrue();
        assertThat(stored.madeWith(OTHER)).isFalse();
    }

    @Test
    void theStoredDataHoldsNeitherThePinNorThePepper() {
        PinCredentialModel model = PinCredentialModel.create("583920", PEPPER);
        assertThat(model.getSecretData()).doesNotContain("583920");
        assertThat(model.getCredentialData()).doesNotContain("583920").contains("\"length\":6")
                .contains("\"pepperId\":\"" + PEPPER.id() + "\"").contains("HmacSHA256");
        assertThat(model.getType()).isEqualTo("branchkey-pin");
        assertThat(PEPPER.toString()).doesNotContain("pepper of at least");
    }

    @Test
    void everyPinGetsItsOwnSalt() {
        PinCredentialModel a = PinCredentialModel.create("583920", PEPPER);
        PinCredentialModel b = PinCredentialModel.create("583920", PEPPER);
        assertThat(a.getSecretData()).isNotEqualTo(b.getSecretData());
    }

    @Test
    void unreadableStoredDataMatchesNothing() {
        PinCredentialModel broken = PinCredentialModel.create("583920", PEPPER);
        broken.setSecretData("{\"value\":\"not base64!\",\"salt\":\"???\"}");
        assertThat(PinCredentialModel.createFromCredentialModel(broken).verify("583920", PEPPER)).isFalse();
        broken.setSecretData("not json");
        assertThat(PinCredentialModel.createFromCredentialModel(broken).verify("583920", PEPPER)).isFalse();
    }

    @Test
    void theBlindIndexIsDeterministicPerRealmAndPepper() {
        assertThat(PEPPER.blindIndex("realm-1", "583920")).isEqualTo(PEPPER.blindIndex("realm-1", "583920"));
        assertThat(PEPPER.blindIndex("realm-1", "583920")).isNotEqualTo(PEPPER.blindIndex("realm-2", "583920"));
        assertThat(PEPPER.blindIndex("realm-1", "583920")).isNotEqualTo(PEPPER.blindIndex("realm-1", "583921"));
        assertThat(PEPPER.blindIndex("realm-1", "583920")).isNotEqualTo(OTHER.blindIndex("realm-1", "583920"));
        assertThat(PEPPER.blindIndex("realm-1", "583920")).hasSize(43).doesNotContain("583920");
    }

    @Test
    void keysAreDerivedNotTheRawPepper() {
        byte[] material = bytes("a development pepper of at least 32 bytes!");
        byte[] salt = new byte[16];
        byte[] withRawKey = Pepper.hmac(material, concat(salt, bytes("583920")));
        assertThat(PEPPER.hash(salt, "583920")).isNotEqualTo(withRawKey);
        assertThat(Pepper.derive(material, "x").id()).isEqualTo(PEPPER.id()).hasSize(16);
    }

    @Test
    void aShortPepperIsRefused() {
        assertThatThrownBy(() -> Pepper.derive(new byte[31], "vault")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Pepper.derive(null, "vault")).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Constant time: a timing test would be flaky, so this pins the implementation instead. The hash comparison is
     * MessageDigest.isEqual (constant time since Java 6u17), and neither class compares secrets any other way.
     */
    @Test
    void hashesAreComparedInConstantTime() throws IOException {
        String pepper = source("Pepper.java");
        String model = source("PinCredentialModel.java");
        assertThat(pepper).contains("MessageDigest.isEqual(hash(salt, pin), expected)");
        assertThat(model).contains("pepper.matches(");
        for (String code : new String[] {pepper, model}) {
            assertThat(code).doesNotContain("Arrays.equals").doesNotContain(".equals(expected")
                    .doesNotContain("getSecretData().equals");
        }
        // and it answers by content, not identity
        byte[] salt = new byte[16];
        assertThat(PEPPER.matches("1", salt, Arrays.copyOf(PEPPER.hash(salt, "1"), 32))).isTrue();
    }

    private static String source(String file) throws IOException {
        return Files.readString(Path.of("src/main/java/io/branchkey/pin", file));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Keycloak's file vault overwrites the array of a secret when it is closed: the pepper must not share it. */
    @Test
    void aVaultPepperIsCopiedOutOfTheSecretsArray() {
        for (String stored : new String[] {"a vault pepper of at least 32 bytes, no newline",
                "a vault pepper of at least 32 bytes, then a newline\n"}) {
            byte[] secretsArray = bytes(stored);
            byte[] pepper = PinPeppers.copyWithoutTrailingNewline(secretsArray);
            Pepper before = Pepper.derive(pepper.clone(), "vault");
            Arrays.fill(secretsArray, (byte) 7); // what closing the vault's secret does
            assertThat(new String(pepper, StandardCharsets.UTF_8)).isEqualTo(stored.strip());
            assertThat(Pepper.derive(pepper, "vault").id()).isEqualTo(before.id());
        }
    }
}
