// Sign-in with keycloak-js (loaded from the packed webjar as window.Keycloak): authorization code flow with PKCE
// S256 against the realm in the page's URL. Tokens live only inside keycloak-js, in memory.

export const CLIENT_ID = 'branchkey-admin-ui';
const ROUTE_KEY = 'branchkey-ui.route';

/** Where the UI lives and which realm it serves, read from its own URL: {base}/realms/{realm}/branchkey/ui/ */
export function locate(location) {
  const match = /^(.*)\/realms\/([^/]+)\/branchkey\/ui\/?$/.exec(location.pathname);
  if (!match) throw new Error(`unexpected UI address ${location.pathname}`);
  return {
    serverBase: location.origin + match[1],
    realm: decodeURIComponent(match[2]),
    uiUrl: `${location.origin}${match[1]}/realms/${match[2]}/branchkey/ui/`,
  };
}

export async function signIn(place) {
  // Keep a deep link (#/nodes/…) across the round trip through the login page; it is a route, not a secret.
  if (location.hash.startsWith('#/') && !new URLSearchParams(location.search).has('code')) {
    sessionStorage.setItem(ROUTE_KEY, location.hash);
  }
  const keycloak = new window.Keycloak({url: place.serverBase, realm: place.realm, clientId: CLIENT_ID});
  await keycloak.init({
    onLoad: 'login-required',
    pkceMethod: 'S256',
    responseMode: 'query',
    checkLoginIframe: false,
    redirectUri: place.uiUrl,
  });
  const saved = sessionStorage.getItem(ROUTE_KEY);
  if (saved) {
    sessionStorage.removeItem(ROUTE_KEY);
    if (!location.hash.startsWith('#/')) history.replaceState(null, '', saved);
  }
  return {
    keycloak,
    /** A fresh access token; an expired session sends the user back to the login page. */
    async token() {
      try {
        await keycloak.updateToken(30);
      } catch (e) {
        await keycloak.login({redirectUri: place.uiUrl});
      }
      return keycloak.token;
    },
    userId: () => keycloak.subject,
    username: () => keycloak.tokenParsed && keycloak.tokenParsed.preferred_username,
    displayName: () => {
      const t = keycloak.tokenParsed || {};
      return t.name || t.preferred_username || '';
    },
    signOut: () => keycloak.logout({redirectUri: place.uiUrl}),
  };
}
