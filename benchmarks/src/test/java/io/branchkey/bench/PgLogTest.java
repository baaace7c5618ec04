package io.branchkey.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The log parsing the statement counts rest on, against lines as PostgreSQL 17 writes them. */
class PgLogTest {

    private static final String P = "2026-11-22 19:06:12.235 UTC [26681] <PostgreSQL JDBC Driver> ";

    private static final String LOG = String.join("\n",
            P + "LOG:  statement: BEGIN",
            P + "LOG:  duration: 0.073 ms",
            P + "LOG:  duration: 0.067 ms  bind S_1/C_2: select n.ID from BK_NODE n where n.ID=$1 and n.REALM_ID=$2",
            P + "DETAIL:  Parameters: $1 = 'node-1', $2 = 'realm-1'",
            P + "LOG:  execute S_1/C_2: select n.ID from BK_NODE n where n.ID=$1 and n.REALM_ID=$2",
            P + "DETAIL:  Parameters: $1 = 'node-1', $2 = 'realm-1'",
            P + "LOG:  duration: 1.500 ms",
            P + "LOG:  execute fetch from S_1/C_2: select n.ID from BK_NODE n where n.ID=$1 and n.REALM_ID=$2",
            P + "DETAIL:  Parameters: $1 = 'node-1', $2 = 'realm-1'",
            P + "LOG:  duration: 0.100 ms",
            "2026-11-22 19:06:12.236 UTC [26545] <bkbench> LOG:  execute <unnamed>: SELECT 'not counted'",
            P + "LOG:  execute <unnamed>: select r.ID",
            "  from REALM r where r.NAME = $1",
            P + "DETAIL:  Parameters: $1 = 'it''s'",
            P + "LOG:  duration: 0.200 ms",
            P + "LOG:  execute S_9: COMMIT",
            P + "LOG:  duration: 0.040 ms",
            "");

    @Test
    void readsStatementsFetchesParametersAndDurations() {
        PgLog.Window window = PgLog.parse(LOG);
        List<PgLog.LoggedStatement> all = window.statements();
        assertEquals(5, all.size());
        assertEquals("BEGIN", all.get(0).sql());
        assertEquals("select n.ID from BK_NODE n where n.ID=$1 and n.REALM_ID=$2", all.get(1).sql());
        assertEquals(1.5, all.get(1).executeMs(), 1e-9);
        assertFalse(all.get(1).fetch());
        assertTrue(all.get(2).fetch());
        assertEquals("select r.ID\n  from REALM r where r.NAME = $1", all.get(3).sql());
        assertEquals("COMMIT", all.get(4).sql());
        assertEquals(0.073 + 0.067 + 1.5 + 0.1 + 0.2 + 0.04, window.serverMs(), 1e-9);
    }

    @Test
    void inlinesParametersHighestNumberFirst() {
        PgLog.LoggedStatement s = new PgLog.LoggedStatement(1, "select $1, $2, $10", "$1 = 'a''b', $2 = NULL, $3 = '3', "
                + "$4 = '4', $5 = '5', $6 = '6', $7 = '7', $8 = '8', $9 = '9', $10 = 'ten'", 0, false);
        assertEquals("select 'a''b', NULL, 'ten'", PgLog.inline(s));
        assertEquals(10, PgLog.parameterLiterals(s).size());
    }

    @Test
    void classifiesStatementsByTable() {
        assertEquals(StatementProfile.Origin.BRANCHKEY, StatementProfile.origin("select x from BK_NODE_CLOSURE c"));
        assertEquals(StatementProfile.Origin.KEYCLOAK, StatementProfile.origin("select r.ID from REALM r"));
        assertEquals(StatementProfile.Origin.TRANSACTION, StatementProfile.origin("COMMIT"));
    }

    @Test
    void abbreviatesLongIdArrays() {
        String ids = String.join(",", java.util.Collections.nCopies(10, "097d41ca-499b-4903-914a-b2f19231cf9c"));
        assertEquals("x = any ('{…10 values…}'::text[])", Markdown.abbreviateArrays("x = any ('{" + ids + "}'::text[])"));
    }
}
