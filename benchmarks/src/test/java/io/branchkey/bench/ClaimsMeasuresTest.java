package io.branchkey.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The pieces the claims benchmark's numbers rest on: token facts, /proc parsing, statement grouping, the ratio. */
class ClaimsMeasuresTest {

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void measuresTheTokenAsSentAndTheClaimAsCompactJson() {
        String claim = "{\"v\":1,\"cat\":3,\"sets\":[\"_wE\",\"_wEAAAI\"],\"at\":[[12],[40,41]]}";
        String jwt = b64("{\"alg\":\"ES256\",\"typ\":\"JWT\"}") + "." + b64("{\"sub\":\"x\",\"bk_perms\": " + claim + "}") + ".c2ln";
        TokenFacts facts = TokenFacts.of(jwt);
        assertEquals(jwt.length(), facts.tokenBytes());
        assertEquals(claim.length(), facts.claimBytes());
        assertEquals(3, facts.anchors());
        assertEquals(2, facts.sets());
        assertFalse(facts.overage());
        assertEquals("ES256", facts.algorithm());

        TokenFacts over = TokenFacts.of(b64("{\"alg\":\"RS256\"}") + "." + b64("{\"bk_perms\":{\"v\":1,\"cat\":3,\"over\":true}}") + ".c2ln");
        assertTrue(over.overage());
        assertEquals(0, over.anchors());
        assertEquals(-1, TokenFacts.of(b64("{\"alg\":\"RS256\"}") + "." + b64("{\"sub\":\"x\"}") + ".c2ln").claimBytes());
    }

    @Test
    void readsCpuTicksAfterTheCommandNameEvenWithSpacesInIt() {
        // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime ...
        String stat = "4242 (java main) S 1 4242 4242 0 -1 4194560 100 0 0 0 1500 250 30 7 20 0 80 0 123 0\n";
        assertEquals(1750, ProcessCpu.parseStatTicks(stat, false));
        assertEquals(1787, ProcessCpu.parseStatTicks(stat, true));
        assertEquals(266145, ProcessCpu.parseSchedstat("266145 0 1\n"));
    }

    @Test
    void groupsStatementsThatDifferOnlyInTheLengthOfAnInList() {
        String three = "select n.ID,n.HANDLE from BK_NODE n where n.ID in ($1,$2,$3) and n.REALM_ID=$4";
        String one = "select n.ID,n.HANDLE from BK_NODE n where n.ID in ($1) and n.REALM_ID=$2";
        assertEquals(ClaimsReport.collapseInLists(three), ClaimsReport.collapseInLists(one));
        assertEquals("select n.ID,n.HANDLE from BK_NODE n where n.ID in ($…) and n.REALM_ID=$1", ClaimsReport.collapseInLists(three));
        assertEquals("select x from Y where a=$1", ClaimsReport.collapseInLists("select x from Y where a=$1"));
    }

    @Test
    void ratioOfMeansWithAnIntervalAroundIt() {
        List<Integer> batches = List.of(100, 100, 100, 100);
        CpuRatio ratio = CpuRatio.of(List.of(1_100L, 1_090L, 1_110L, 1_100L), batches, List.of(1_000L, 990L, 1_010L, 1_000L), batches, 1);
        assertEquals(1.1, ratio.ratio(), 1e-9);
        assertTrue(ratio.low() <= ratio.ratio() && ratio.ratio() <= ratio.high());
        assertTrue(ratio.high() - ratio.low() < 0.05);
    }

    @Test
    void bucketsProfileSamplesByStack() {
        assertEquals(JfrProfile.MAPPER_SQL, JfrProfile.bucket(List.of("org.postgresql.core.v3.QueryExecutorImpl.execute",
                "org.hibernate.query.spi.AbstractSelectionQuery.list", "io.branchkey.tenancy.jpa.JpaTenantTreeProvider.getHandles",
                "io.branchkey.oidc.TokenAccess.forScope", "org.keycloak.protocol.oidc.TokenManager.transformAccessToken")));
        assertEquals(JfrProfile.MAPPER_MEMORY, JfrProfile.bucket(List.of("com.fasterxml.jackson.core.json.UTF8JsonGenerator.writeString",
                "io.branchkey.oidc.PermissionsMapper.size", "org.hibernate.engine.Something.notBelowOurs")));
        assertEquals(JfrProfile.DATABASE, JfrProfile.bucket(List.of("org.postgresql.jdbc.PgConnection.commit",
                "org.keycloak.connections.jpa.JpaKeycloakTransaction.commit")));
        assertEquals(JfrProfile.ENCODING, JfrProfile.bucket(List.of("java.security.Signature.sign",
                "org.keycloak.crypto.AsymmetricSignatureSignerContext.sign")));
        assertEquals(JfrProfile.OTHER, JfrProfile.bucket(List.of("io.vertx.core.net.impl.ConnectionBase.write")));
    }
}
