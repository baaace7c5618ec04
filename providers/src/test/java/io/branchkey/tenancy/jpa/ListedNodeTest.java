package io.branchkey.tenancy.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.branchkey.tenancy.NodeAddress;
import io.branchkey.tenancy.NodeKind;
import io.branchkey.tenancy.NodeStatus;
import io.branchkey.tenancy.TenantNodeModel;
import org.junit.jupiter.api.Test;

class ListedNodeTest {

    @Test
    void foldsEachNodesRowsIntoOneNodeInRowOrder() {
        List<TenantNodeModel> nodes = ListedNode.fold(List.of(
                row("b", "Beta", "posId", "POS-B"),
                row("b", "Beta", "license", "LIC-B"),
                row("a", "Alpha", null, null),
                row("c", "Gamma", "posId", "POS-C")));

        assertThat(nodes).extracting(TenantNodeModel::getId).containsExactly("b", "a", "c");
        assertThat(nodes.get(0).getExternalIds()).isEqualTo(Map.of("posId", "POS-B", "license", "LIC-B"));
        assertThat(nodes.get(1).getExternalIds()).as("a node without external ids").isEmpty();
        assertThat(nodes.get(2).getExternalIds()).isEqualTo(Map.of("posId", "POS-C"));
        TenantNodeModel beta = nodes.get(0);
        assertThat(beta.getName()).isEqualTo("Beta");
        assertThat(beta.getKind()).isEqualTo(NodeKind.LOCATION);
        assertThat(beta.getHandle()).isEqualTo(7L);
        assertThat(beta.getDepth()).isEqualTo(3);
        assertThat(beta.getStatus()).isEqualTo(NodeStatus.SUSPENDED);
        assertThat(beta.getAddress()).isEqualTo(new NodeAddress("1 Main St", null, "Aurora", "CO", "80012", "US"));
        assertThat(beta.getCreatedAt()).isEqualTo(100L);
        assertThat(beta.getUpdatedAt()).isEqualTo(200L);
    }

    @Test
    void noRowsAreNoNodes() {
        assertThat(ListedNode.fold(List.of())).isEmpty();
    }

    private static Object[] row(String id, String name, String externalName, String externalValue) {
        return new Object[] {id, "realm", NodeKind.LOCATION, 7L, "parent", 3, name, "CODE-" + id, NodeStatus.SUSPENDED,
                "America/Denver", "1 Main St", null, "Aurora", "CO", "80012", "US", 100L, 200L, externalName, externalValue};
    }
}
