package io.branchkey.claims.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.branchkey.claims.BranchkeyUnavailableException;
import io.branchkey.claims.support.MutableClock;
import io.branchkey.claims.support.StubRealm;
import io.branchkey.claims.support.StubRealm.Answer;

class RemoteCatalogSourceTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T12:00:00Z"));
    private StubRealm realm;
    private volatile int version = 3;

    static String catalogJson(int version) {
        StringBuilder permissions = new StringBuilder("""
                {"index": 0, "key": "users.view", "name": "View users", "description": "d", "section": "Users",
                 "implies": [], "minLevel": null, "retired": false, "realmAdminOnly": false, "builtIn": true},
                {"index": 1, "key": "orders.export", "name": "Export orders", "implies": ["orders.view"],
                 "minLevel": "LOCATION", "retired": true, "builtIn": true, "futureMember": {"x": 1}}""");
        if (version >= 4) {
            permissions.append(", {\"index\": 2, \"key\": \"acme.custom\", \"builtIn\": false}");
        }
        return "{\"version\": " + version + ", \"permissions\": [" + permissions + "]}";
    }

    @BeforeEach
    void start() throws Exception {
        realm = new StubRealm();
        realm.on("/branchkey/catalog", request -> {
            String etag = "\"test-" + version + "\"";
            if (etag.equals(request.header("If-None-Match"))) {
                return new Answer(304, null, java.util.Map.of("ETag", etag));
            }
            return Answer.json(catalogJson(version), "ETag", etag, "Cache-Control", "max-age=300");
        });
    }

    @AfterEach
    void stop() {
        realm.close();
    }

    private RemoteCatalogSource source() {
        return RemoteCatalogSource.builder(realm.base()).clock(clock).build();
    }

    @Test
    void theCatalogIsFetchedOnceAndMapsKeysToIndexes() {
        RemoteCatalogSource source = source();
        Catalog catalog = source.catalogFor(3);
        assertThat(catalog.version()).isEqualTo(3);
        assertThat(catalog.indexOf("orders.export")).isEqualTo(1);
        assertThat(catalog.indexOf("nope")).isEqualTo(-1);
        CatalogPermission export = catalog.permission("orders.export");
        assertThat(export.retired()).isTrue();
        assertThat(export.minLevel()).isEqualTo("LOCATION");
        assertThat(export.implies()).containsExactly("orders.view");
        assertThat(catalog.permission("users.view").name()).isEqualTo("View users");
        source.catalogFor(2);
        source.catalogFor(3);
        assertThat(realm.count("/branchkey/catalog")).isEqualTo(1);
    }

    @Test
    void aNewerTokenTriggersOneRefetchThenAClearError() {
        RemoteCatalogSource source = source();
        source.catalogFor(3);
        assertThatThrownBy(() -> source.catalogFor(4)).isInstanceOf(CatalogOutdatedException.class)
                .satisfies(e -> {
                    CatalogOutdatedException outdated = (CatalogOutdatedException) e;
                    assertThat(outdated.tokenVersion()).isEqualTo(4);
                    assertThat(outdated.availableVersion()).isEqualTo(3);
                });
        assertThat(realm.count("/branchkey/catalog")).isEqualTo(2);
        assertThat(realm.requests().get(1).header("If-None-Match")).isEqualTo("\"test-3\"");

        // More such tokens right away are refused without hammering the endpoint.
        assertThatThrownBy(() -> source.catalogFor(4)).isInstanceOf(CatalogOutdatedException.class);
        assertThat(realm.count("/branchkey/catalog")).isEqualTo(2);

        // Once the server has it, the next refetch finds it.
        version = 4;
        clock.advance(Duration.ofSeconds(2));
        assertThat(source.catalogFor(4).indexOf("acme.custom")).isEqualTo(2);
        assertThat(source.catalogFor(3).version()).isEqualTo(4); // a newer catalog decodes older tokens
        assertThat(realm.count("/branchkey/catalog")).isEqualTo(3);
    }

    @Test
    void afterMaxAgeTheCatalogIsRevalidatedWithItsEtag() {
        RemoteCatalogSource source = source();
        source.catalogFor(3);
        clock.advance(Duration.ofSeconds(301));
        assertThat(source.catalogFor(3).version()).isEqualTo(3);
        assertThat(realm.count("/branchkey/catalog")).isEqualTo(2);
        assertThat(realm.requests().get(1).header("If-None-Match")).isEqualTo("\"test-3\"");
        source.catalogFor(3);
        assertThat(realm.count("/branchkey/catalog")).isEqualTo(2);
    }

    @Test
    void aFailedRevalidationKeepsTheCatalog() {
        RemoteCatalogSource source = source();
        source.catalogFor(3);
        realm.on("/branchkey/catalog", Answer.status(503));
        clock.advance(Duration.ofSeconds(301));
        assertThat(source.catalogFor(3).version()).isEqualTo(3);
    }

    @Test
    void noCatalogAtAllIsUnavailable() {
        realm.on("/branchkey/catalog", Answer.status(500));
        RemoteCatalogSource source = source();
        assertThatThrownBy(() -> source.catalogFor(1)).isInstanceOf(BranchkeyUnavailableException.class);
        assertThatThrownBy(() -> source.catalogFor(1)).isInstanceOf(BranchkeyUnavailableException.class);
        assertThat(realm.count("/branchkey/catalog")).isEqualTo(1); // retried only after the minimum interval
    }

    @Test
    void anUnusableCatalogIsUnavailable() {
        realm.on("/branchkey/catalog", Answer.json("""
                {"version": 3, "permissions": [{"index": 0, "key": "a"}, {"index": 0, "key": "b"}]}"""));
        assertThatThrownBy(() -> source().catalogFor(1)).isInstanceOf(BranchkeyUnavailableException.class)
                .hasMessageContaining("appears twice");
    }
}
