package io.branchkey.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.branchkey.rest.ApiError;
import io.branchkey.pin.PinConfigurationException;
import io.branchkey.pin.PinPolicyException;
import io.branchkey.pin.PinPolicyException.Problem;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.keycloak.services.ErrorResponseException;

/** How PIN rule violations and a missing pepper become HTTP answers. */
class PinApiTest {

    private static Response answer(RuntimeException thrown) {
        return catchThrowableOfType(ErrorResponseException.class, () -> PinApi.run(() -> {
            throw thrown;
        })).getResponse();
    }

    @ParameterizedTest
    @EnumSource(value = Problem.class, names = "NOT_UNIQUE", mode = EnumSource.Mode.EXCLUDE)
    void brokenRulesAreBadRequestsNamingTheField(Problem problem) {
        Response response = answer(new PinPolicyException(problem, "length", "length must be between 4 and 8"));
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(((ApiError) response.getEntity()).field()).isEqualTo("length");
    }

    @Test
    void aPinAnotherMemberHasIsAConflict() {
        Response response = answer(new PinPolicyException(Problem.NOT_UNIQUE, "mode", "1 member(s) …"));
        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(((ApiError) response.getEntity()).error()).isEqualTo("conflict");
    }

    @Test
    void aServerWithoutPepperIsAServerErrorThatSaysWhereToLook() {
        Response response = answer(new PinConfigurationException("realm x has no PIN pepper in the vault"));
        assertThat(response.getStatus()).isEqualTo(500);
        ApiError error = (ApiError) response.getEntity();
        assertThat(error.error()).isEqualTo("server_error");
        assertThat(error.message()).contains("server log").doesNotContain("realm x");
    }

    @Test
    void theGeneratedPinIsNeverCached() {
        Response response = PinApi.generated("604817");
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeaderString("Cache-Control")).isEqualTo("no-store");
        assertThat(((PinApi.GeneratedPin) response.getEntity()).pin()).isEqualTo("604817");
    }

    @Test
    void anEmptyGenerateBodyMeansThePolicysLength() {
        assertThat(PinApi.requestedLength(null)).isNull();
        assertThat(PinApi.requestedLength("  ")).isNull();
        assertThat(PinApi.requestedLength("{\"length\":8}")).isEqualTo(8);
    }
}
