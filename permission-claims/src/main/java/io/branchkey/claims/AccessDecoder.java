package io.branchkey.claims;

import java.util.Map;
import java.util.Objects;

import io.branchkey.claims.catalog.Catalog;
import io.branchkey.claims.catalog.CatalogSource;
import io.branchkey.claims.check.PermissionCheckClient;
import io.branchkey.claims.format.AnchorTable;
import io.branchkey.claims.format.ClaimFormatException;
import io.branchkey.claims.format.CompactPermissions;
import io.branchkey.claims.hierarchy.NodeAncestry;
import io.branchkey.claims.verify.VerifiedToken;

/**
 * Turns the claims of a verified token into a {@link BranchkeyAccess}: decodes them once, picks the catalog the
 * token needs and binds the ancestry and check-endpoint client. Thread-safe; build once, share.
 */
public final class AccessDecoder {

    private final ClaimNames names;
    private final CatalogSource catalogs;
    private final NodeAncestry ancestry;
    private final PermissionCheckClient checkClient;

    /** All arguments not null. */
    public AccessDecoder(ClaimNames names, CatalogSource catalogs, NodeAncestry ancestry,
            PermissionCheckClient checkClient) {
        this.names = Objects.requireNonNull(names, "names");
        this.catalogs = Objects.requireNonNull(catalogs, "catalogs");
        this.ancestry = Objects.requireNonNull(ancestry, "ancestry");
        this.checkClient = Objects.requireNonNull(checkClient, "checkClient");
    }

    /** @see #decode(String, Map) */
    public BranchkeyAccess decode(VerifiedToken token) {
        return decode(token.token(), token.claims());
    }

    /**
     * @param token the compact access token (used only to ask the check endpoint for overage tokens), not null
     * @param claims the claims of that token, <em>already verified</em> (signature, issuer, expiry), not null
     * @throws ClaimFormatException when a Branchkey claim is malformed or of an unknown version
     * @throws io.branchkey.claims.catalog.CatalogOutdatedException when the token needs a newer catalog than can be had
     * @throws io.branchkey.claims.BranchkeyUnavailableException when the catalog could not be fetched
     */
    public BranchkeyAccess decode(String token, Map<String, ?> claims) {
        Objects.requireNonNull(token, "token");
        BranchkeyClaims decoded = BranchkeyClaims.decode(claims, names);
        CompactPermissions permissions = decoded.permissions().orElse(null);
        AnchorTable anchors = AnchorTable.EMPTY;
        Catalog catalog = null;
        if (permissions != null && !permissions.isOverage()) {
            anchors = AnchorTable.of(permissions);
            if (!anchors.isEmpty()) {
                catalog = catalogs.catalogFor(permissions.catalogVersion());
            }
        }
        Object sub = claims.get("sub");
        return new BranchkeyAccess(token, sub instanceof String s ? s : null, decoded, anchors, catalog, ancestry,
                checkClient);
    }
}
