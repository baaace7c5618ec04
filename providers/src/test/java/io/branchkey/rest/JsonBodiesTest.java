package io.branchkey.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.branchkey.admin.service.NodeRepresentation;
import io.branchkey.tenancy.NodeKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.keycloak.services.ErrorResponseException;

class JsonBodiesTest {

    private static ApiError errorOf(String body) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> JsonBodies.read(body, NodeRepresentation.class));
        assertThat(thrown).isInstanceOf(ErrorResponseException.class);
        var response = ((ErrorResponseException) thrown).getResponse();
        assertThat(response.getStatus()).isEqualTo(400);
        return (ApiError) response.getEntity();
    }

    @Test
    void readsAValidNode() {
        NodeRepresentation node = JsonBodies.read("""
                {"kind":"LOCATION","name":"Store","code":"S1","address":{"country":"US"},"externalIds":{"posId":"7"}}
                """, NodeRepresentation.class);
        assertThat(node.kind()).isEqualTo(NodeKind.LOCATION);
        assertThat(node.address().country()).isEqualTo("US");
        assertThat(node.externalIds()).containsEntry("posId", "7");
    }

    @Test
    void unknownFieldIsNamed() {
        ApiError error = errorOf("{\"kind\":\"REGION\",\"name\":\"R\",\"colour\":\"red\"}");
        assertThat(error.field()).isEqualTo("colour");
        assertThat(error.error()).isEqualTo("invalid_request");
    }

    @Test
    void numbersAreNotSilentlyTurnedIntoStrings() {
        assertThat(errorOf("{\"kind\":\"REGION\",\"name\":123}").field()).isEqualTo("name");
        assertThat(errorOf("{\"kind\":\"REGION\",\"name\":true}").field()).isEqualTo("name");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"kind\":2,\"name\":\"R\"}                               | kind",
            "{\"kind\":\"REGION\",\"name\":\"R\",\"parentId\":17}        | parentId",
            "{\"kind\":\"REGION\",\"name\":\"R\",\"code\":123}           | code",
            "{\"kind\":\"REGION\",\"name\":\"R\",\"status\":true}        | status",
            "{\"kind\":\"REGION\",\"name\":\"R\",\"status\":1}           | status",
            "{\"kind\":\"REGION\",\"name\":\"R\",\"timezone\":1}         | timezone",
            "{\"kind\":\"REGION\",\"name\":\"R\",\"address\":[\"a\"]}     | address",
            "{\"kind\":\"REGION\",\"name\":\"R\",\"externalIds\":[\"a\"]} | externalIds",
            "{\"kind\":\"REGION\",\"name\":\"R\",\"externalIds\":\"a\"}   | externalIds",
            "{\"kind\":\"REGION\",\"name\":\"R\",\"externalIds\":\"\"}    | externalIds",
            "{\"kind\":\"REGION\",\"name\":[\"R\"]}                        | name",
            "{\"kind\":\"REGION\",\"name\":{\"t\":\"R\"}}                   | name",
    })
    void everyWrongTypeIsRefusedAndNamed(String body, String field) {
        assertThat(errorOf(body).field()).isEqualTo(field);
    }

    @Test
    void nestedWrongTypeIsNamedWithItsPath() {
        assertThat(errorOf("{\"kind\":\"REGION\",\"name\":\"R\",\"address\":\"Main street\"}").field()).isEqualTo("address");
        assertThat(errorOf("{\"kind\":\"REGION\",\"name\":\"R\",\"address\":{\"country\":1}}").field())
                .isEqualTo("address.country");
    }

    @Test
    void unknownEnumValueIsNamed() {
        assertThat(errorOf("{\"kind\":\"STORE\",\"name\":\"R\"}").field()).isEqualTo("kind");
    }

    @Test
    void malformedAndEmptyBodies() {
        assertThat(errorOf("{\"kind\":").message()).contains("malformed JSON");
        assertThat(errorOf("").message()).contains("required");
        assertThat(errorOf("null").message()).contains("JSON object");
        assertThat(errorOf("[1,2]").error()).isEqualTo("invalid_request");
        assertThat(errorOf("{\"kind\":\"REGION\",\"name\":\"R\"} {}").error()).isEqualTo("invalid_request");
    }

    @Test
    void deeplyNestedInputIsRefused() {
        assertThatThrownBy(() -> JsonBodies.read("[".repeat(5000), NodeRepresentation.class))
                .isInstanceOf(ErrorResponseException.class);
    }
}
