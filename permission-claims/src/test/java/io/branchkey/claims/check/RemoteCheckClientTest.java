package io.branchkey.claims.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.nimbusds.jose.util.JSONObjectUtils;

import io.branchkey.claims.BranchkeyUnavailableException;
import io.branchkey.claims.support.StubRealm;
import io.branchkey.claims.support.StubRealm.Answer;
import io.branchkey.claims.verify.TokenRejectedException;

class RemoteCheckClientTest {

    private StubRealm realm;

    @BeforeEach
    void start() throws Exception {
        realm = new StubRealm();
        // Allowed exactly at nodes whose id ends in "-yes"; echoes the questions like the real endpoint.
        realm.on("/branchkey/check", request -> {
            try {
                List<Object> checks = JSONObjectUtils.getJSONArray(JSONObjectUtils.parse(request.body()), "checks");
                StringBuilder results = new StringBuilder();
                for (Object item : checks) {
                    Map<?, ?> check = (Map<?, ?>) item;
                    if (results.length() > 0) {
                        results.append(',');
                    }
                    results.append("{\"permission\":\"").append(check.get("permission")).append("\",\"node\":\"")
                            .append(check.get("node")).append("\",\"allowed\":")
                            .append(check.get("node").toString().endsWith("-yes")).append('}');
                }
                return Answer.json("{\"subject\":\"u-1\",\"results\":[" + results + "]}");
            } catch (java.text.ParseException e) {
                return Answer.status(400);
            }
        });
    }

    @AfterEach
    void stop() {
        realm.close();
    }

    private RemoteCheckClient client() {
        return new RemoteCheckClient(realm.base(), null, Duration.ofSeconds(5));
    }

    @Test
    void checksArePostedWithTheTokenAsBearerAndAnsweredInOrder() {
        List<Boolean> answers = client().check("tok.en.sig", List.of(new PermissionCheck("orders.export", "loc-yes"),
                new PermissionCheck("orders.export", "loc-no")));
        assertThat(answers).containsExactly(true, false);
        StubRealm.Request request = realm.requests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.header("Authorization")).isEqualTo("Bearer tok.en.sig");
        assertThat(request.header("Content-Type")).startsWith("application/json");
        assertThat(request.body()).contains("\"checks\"").contains("\"permission\":\"orders.export\"")
                .contains("\"node\":\"loc-yes\"");
    }

    @Test
    void moreThanAHundredChecksGoInBatches() {
        List<PermissionCheck> checks = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            checks.add(new PermissionCheck("p", "n" + i + (i % 2 == 0 ? "-yes" : "-no")));
        }
        List<Boolean> answers = client().check("t", checks);
        assertThat(answers).hasSize(250);
        assertThat(answers.get(0)).isTrue();
        assertThat(answers.get(249)).isFalse();
        assertThat(realm.count("/branchkey/check")).isEqualTo(3);
    }

    @Test
    void anAnswerToAnotherQuestionIsUnavailable() {
        realm.on("/branchkey/check", Answer.json(
                "{\"subject\":\"u\",\"results\":[{\"permission\":\"p\",\"node\":\"other\",\"allowed\":true}]}"));
        assertThatThrownBy(() -> client().check("t", List.of(new PermissionCheck("p", "n"))))
                .isInstanceOf(BranchkeyUnavailableException.class);
        realm.on("/branchkey/check", Answer.json("{\"subject\":\"u\",\"results\":[]}"));
        assertThatThrownBy(() -> client().check("t", List.of(new PermissionCheck("p", "n"))))
                .isInstanceOf(BranchkeyUnavailableException.class);
        realm.on("/branchkey/check", Answer.json(
                "{\"subject\":\"u\",\"results\":[{\"permission\":\"p\",\"node\":\"n\",\"allowed\":\"yes\"}]}"));
        assertThatThrownBy(() -> client().check("t", List.of(new PermissionCheck("p", "n"))))
                .isInstanceOf(BranchkeyUnavailableException.class);
    }

    @Test
    void keycloakRefusingTheTokenIsARejection() {
        realm.on("/branchkey/check", Answer.status(401));
        assertThatThrownBy(() -> client().check("t", List.of(new PermissionCheck("p", "n"))))
                .isInstanceOf(TokenRejectedException.class)
                .satisfies(e -> assertThat(((TokenRejectedException) e).reason())
                        .isEqualTo(TokenRejectedException.Reason.REJECTED_BY_ISSUER));
        realm.on("/branchkey/check", Answer.status(500));
        assertThatThrownBy(() -> client().check("t", List.of(new PermissionCheck("p", "n"))))
                .isInstanceOf(BranchkeyUnavailableException.class);
    }
}
