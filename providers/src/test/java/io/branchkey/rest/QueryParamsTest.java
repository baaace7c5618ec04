package io.branchkey.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.branchkey.tenancy.NodeKind;
import org.junit.jupiter.api.Test;
import org.keycloak.services.ErrorResponseException;

class QueryParamsTest {

    private static ApiError errorOf(Runnable r) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(r::run);
        assertThat(thrown).isInstanceOf(ErrorResponseException.class);
        return (ApiError) ((ErrorResponseException) thrown).getResponse().getEntity();
    }

    @Test
    void pagingDefaultsAndLimits() {
        assertThat(Paging.of(null, null)).isEqualTo(new Paging(0, Paging.DEFAULT_MAX));
        assertThat(Paging.of("5", "1000")).isEqualTo(new Paging(5, 1000));
        assertThat(errorOf(() -> Paging.of("-1", null)).field()).isEqualTo("first");
        assertThat(errorOf(() -> Paging.of(null, "0")).field()).isEqualTo("max");
        assertThat(errorOf(() -> Paging.of(null, "1001")).field()).isEqualTo("max");
        assertThat(errorOf(() -> Paging.of("abc", null)).field()).isEqualTo("first");
        assertThat(errorOf(() -> Paging.of("99999999999", null)).field()).isEqualTo("first");
    }

    @Test
    void enumsAndBooleans() {
        assertThat(QueryParams.enumValue("kind", "location", NodeKind.class)).isEqualTo(NodeKind.LOCATION);
        assertThat(QueryParams.enumValue("kind", null, NodeKind.class)).isNull();
        assertThat(errorOf(() -> QueryParams.enumValue("kind", "store", NodeKind.class)).field()).isEqualTo("kind");
        assertThat(QueryParams.bool("cascade", "TRUE")).isTrue();
        assertThat(QueryParams.bool("cascade", null)).isFalse();
        assertThatThrownBy(() -> QueryParams.bool("cascade", "yes")).isInstanceOf(ErrorResponseException.class);
    }
}
