package io.branchkey.tenancy;


/**
 * The kinds of node in a tenant tree, with the one place where the parent/child rules live.
 */
public enum NodeKind {
    PARTNER,
    ACCOUNT,
    REGION,
    LOCATION;

    /**
     * Whether a node of this kind may sit directly below {@code parent}; {@code null} means "as a root".
     */
    public boolean mayHaveParent(NodeKind parent) {
        return switch (this) {
            case PARTNER -> parent == null;
            // A managed account sits under its partner; a standalone account is a root.
            case ACCOUNT -> parent == null || parent == PARTNER;
            // Regions nest, so operators can model regions, districts, areas to any depth.
            case REGION, LOCATION -> parent == ACCOUNT || parent == REGION;
        };
    }

    /**
     * Whether a node of this kind sits at {@code level} or higher in the tree's hierarchy of kinds
     * (PARTNER above ACCOUNT above REGION above LOCATION). Used for permissions that only take effect when
     * granted high enough.
     */
    public boolean isAtOrAbove(NodeKind level) {
        return ordinal() <= level.ordinal();
    }

    public boolean isLeaf() {
        return this == LOCATION;
    }

    /** Human-readable explanation of {@link #mayHaveParent}, for error messages. */
    public String parentRule() {
        return switch (this) {
            case PARTNER -> "a PARTNER must be a root";
            case ACCOUNT -> "an ACCOUNT must be a root or below a PARTNER";
            case REGION -> "a REGION must be below an ACCOUNT or a REGION";
            case LOCATION -> "a LOCATION must be below an ACCOUNT or a REGION";
        };
    }

}
