package io.branchkey.example;

import java.net.URI;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code branchkey.*} settings (also as environment variables, e.g. {@code BRANCHKEY_ISSUER}).
 *
 * @param issuer the realm's issuer, exactly as in the tokens' {@code iss}: {@code {base}/realms/{realm}}
 * @param endpointBase where this server reaches the realm if not at the issuer URL (container networks); may be null
 * @param authorizedParties client ids whose tokens are accepted ({@code azp}); may be empty if audiences are given
 * @param audiences accepted {@code aud} values; may be empty if authorized parties are given
 * @param hierarchy {@code nodes} (per-node lookups, the default) or {@code document} (the whole tree)
 * @param portFile if set, the HTTP port is written there once the server listens (for tests using port 0)
 * @param clientId this server's own confidential client of the realm, with service accounts enabled: the hierarchy
 *        endpoint answers only a service account's access token (client credentials grant)
 * @param clientSecret that client's secret; never logged ({@link #toString()} leaves it out)
 */
@ConfigurationProperties("branchkey")
public record BranchkeyProperties(String issuer, URI endpointBase, List<String> authorizedParties,
        List<String> audiences, String hierarchy, String portFile, String clientId, String clientSecret) {

    public BranchkeyProperties {
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalArgumentException("branchkey.issuer (env BRANCHKEY_ISSUER) is required, e.g. "
                    + "http://localhost:8080/realms/branchkey-demo");
        }
        if (clientId == null || clientId.isBlank() || clientSecret == null || clientSecret.isEmpty()) {
            throw new IllegalArgumentException("branchkey.client-id and branchkey.client-secret (env BRANCHKEY_CLIENT_ID,"
                    + " BRANCHKEY_CLIENT_SECRET) are required: a confidential client of the realm with service accounts"
                    + " enabled, for the hierarchy endpoint");
        }
        authorizedParties = authorizedParties == null ? List.of() : List.copyOf(authorizedParties);
        audiences = audiences == null ? List.of() : List.copyOf(audiences);
        hierarchy = hierarchy == null ? "nodes" : hierarchy;
    }

    @Override
    public String toString() {
        return "BranchkeyProperties[issuer=" + issuer + ", endpointBase=" + endpointBase + ", authorizedParties="
                + authorizedParties + ", audiences=" + audiences + ", hierarchy=" + hierarchy + ", portFile=" + portFile
                + ", clientId=" + clientId + ", clientSecret=(hidden)]";
    }
}
