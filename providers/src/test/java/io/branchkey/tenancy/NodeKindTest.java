package io.branchkey.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NodeKindTest {

    @ParameterizedTest(name = "{0} below {1}: {2}")
    @CsvSource({
            "PARTNER,  ROOT,     true",
            "PARTNER,  PARTNER,  false",
            "PARTNER,  ACCOUNT,  false",
            "ACCOUNT,  ROOT,     true",
            "ACCOUNT,  PARTNER,  true",
            "ACCOUNT,  ACCOUNT,  false",
            "ACCOUNT,  REGION,   false",
            "REGION,   ROOT,     false",
            "REGION,   PARTNER,  false",
            "REGION,   ACCOUNT,  true",
            "REGION,   REGION,   true",
            "REGION,   LOCATION, false",
            "LOCATION, ROOT,     false",
            "LOCATION, PARTNER,  false",
            "LOCATION, ACCOUNT,  true",
            "LOCATION, REGION,   true",
            "LOCATION, LOCATION, false",
    })
    void parentRules(NodeKind child, String parent, boolean allowed) {
        NodeKind parentKind = "ROOT".equals(parent) ? null : NodeKind.valueOf(parent);
        assertThat(child.mayHaveParent(parentKind)).isEqualTo(allowed);
    }

    @ParameterizedTest
    @CsvSource({"PARTNER,false", "ACCOUNT,false", "REGION,false", "LOCATION,true"})
    void onlyLocationsAreLeaves(NodeKind kind, boolean leaf) {
        assertThat(kind.isLeaf()).isEqualTo(leaf);
        // A leaf is a kind no other kind may sit below.
        for (NodeKind child : NodeKind.values()) {
            if (leaf) {
                assertThat(child.mayHaveParent(kind)).isFalse();
            }
        }
    }
}
