// Branchkey's API as the UI uses it. Both trees have the same routes: a realm admin goes through the admin API
// (/admin/realms/{realm}/branchkey), everyone else through the delegated API (/realms/{realm}/branchkey/manage),
// which answers only inside the caller's reach. The base path is the only difference; the server decides.

import {enc, query} from './http.js';

export function createApi(http, place, isRealmAdmin) {
  const realm = enc(place.realm);
  const base = isRealmAdmin
    ? `${place.serverBase}/admin/realms/${realm}/branchkey/`
    : `${place.serverBase}/realms/${realm}/branchkey/manage/`;
  const keycloakAdmin = `${place.serverBase}/admin/realms/${realm}/`;
  const at = path => base + path;

  return {
    isRealmAdmin,

    // --- who am I -------------------------------------------------------------------------------------
    scopes: () => http.get(at('me/scopes')),

    // --- nodes ----------------------------------------------------------------------------------------
    /** The realm's roots for a realm admin; the nodes of one's own grants for anyone else. */
    roots: () => http.get(at('nodes/roots') + query({max: 1000})),
    node: id => http.get(at(`nodes/${enc(id)}`)),
    children: (id, first = 0, max = 200) => http.get(at(`nodes/${enc(id)}/children`) + query({first, max})),
    subtree: (id, params) => http.get(at(`nodes/${enc(id)}/subtree`) + query(params)),
    /** Realm admins only: search the whole realm. */
    searchNodes: params => http.get(at('nodes') + query(params)),
    /** The path from the root down to the parent, as far as the caller sees. */
    ancestors: id => http.get(at(`nodes/${enc(id)}/ancestors`)),
    createNode: node => http.post(at('nodes'), node),
    updateNode: (id, node) => http.put(at(`nodes/${enc(id)}`), node),
    moveNode: (id, parentId) => http.post(at(`nodes/${enc(id)}/move`), {parentId}),
    /** Realm admins only. */
    deleteNode: (id, cascade) => http.del(at(`nodes/${enc(id)}`) + query({cascade: cascade ? 'true' : undefined})),

    // --- users and memberships ------------------------------------------------------------------------
    nodeUsers: (id, subtree, max = 200) =>
      http.get(at(`nodes/${enc(id)}/users`) + query({subtree: subtree ? 'true' : undefined, max})),
    addMember: (nodeId, userId) => http.put(at(`nodes/${enc(nodeId)}/users/${enc(userId)}`)),
    removeMember: (nodeId, userId) => http.del(at(`nodes/${enc(nodeId)}/users/${enc(userId)}`)),
    /** Keycloak's own user search (Keycloak's admin API, not Branchkey's), for realm admins. */
    searchUsers: (search, max = 20) =>
      http.get(keycloakAdmin + 'users' + query({search, max, briefRepresentation: 'true'})),
    user: id => http.get(at(`users/${enc(id)}`)),
    /** Edit name, email, enabled. */
    updateUser: (id, changes) => http.put(at(`users/${enc(id)}`), changes),
    inviteUser: invite => http.post(at('users'), invite),
    terminateUser: id => http.postEmpty(at(`users/${enc(id)}/terminate`)),
    /** Home account and memberships, as far as the caller sees. */
    tenancy: userId => http.get(at(`users/${enc(userId)}/tenancy`)),
    setHomeAccount: (userId, nodeId) => http.put(at(`users/${enc(userId)}/home-account`), {nodeId}),
    bulkMemberships: (userIds, nodeIds, remove) =>
      http.post(at('grants/bulk-memberships'), {userIds, nodeIds, remove}),

    // --- grants ---------------------------------------------------------------------------------------
    userGrants: userId => http.get(at(`users/${enc(userId)}/access/grants`)),
    grant: request => http.post(at('grants'), request),
    revoke: grantId => http.del(at(`grants/${enc(grantId)}`)),
    effectivePermissions: (userId, nodeId) =>
      http.get(at(`users/${enc(userId)}/access/permissions`) + query({nodeId})),

    // --- role groups and catalog ----------------------------------------------------------------------
    catalog: () => http.get(at('catalog')),
    /** What can be granted at a node: the templates and the groups of the accounts above it. */
    roleGroupsAt: nodeId => http.get(at('role-groups') + query({visibleAt: nodeId})),
    templates: () => http.get(at('role-groups')),
    roleGroupsOwnedBy: ownerNodeId => http.get(at('role-groups') + query({ownerNodeId})),
    roleGroup: id => http.get(at(`role-groups/${enc(id)}`)),
    createRoleGroup: group => http.post(at('role-groups'), group),
    updateRoleGroup: (id, group) => http.put(at(`role-groups/${enc(id)}`), group),
    deleteRoleGroup: id => http.del(at(`role-groups/${enc(id)}`)),
    /** Realm admins only. */
    loadTemplates: system => http.postEmpty(at(`role-groups/templates/${enc(system)}`)),

    // --- devices --------------------------------------------------------------------------------------
    devices: locationId => http.get(at('devices') + query({locationId})),
    deviceTypes: () => http.get(at('devices/types')),
    createEnrollment: request => http.post(at('devices/enrollments'), request),
    renameDevice: (id, name) => http.put(at(`devices/${enc(id)}`), {name}),
    disableDevice: id => http.postEmpty(at(`devices/${enc(id)}/disable`)),
    enableDevice: id => http.postEmpty(at(`devices/${enc(id)}/enable`)),
    deleteDevice: id => http.del(at(`devices/${enc(id)}`)),

    // --- PINs (docs/pin.md) ---------------------------------------------------------------------------
    pinStatus: userId => http.get(at(`users/${enc(userId)}/pin`)),
    generatePin: userId => http.post(at(`users/${enc(userId)}/pin/generate`), {}),
    resetPin: userId => http.del(at(`users/${enc(userId)}/pin`)),
    unlockPin: userId => http.postEmpty(at(`users/${enc(userId)}/pin/unlock`)),

    // --- override policy ------------------------------------------------------------------------------
    overrideRules: nodeId => http.get(at(`nodes/${enc(nodeId)}/override-rules`)),
    overridePolicy: nodeId => http.get(at(`nodes/${enc(nodeId)}/override-policy`)),
    setOverrideRule: (nodeId, action, rule) => http.put(at(`nodes/${enc(nodeId)}/override-rules/${enc(action)}`), rule),
    removeOverrideRule: (nodeId, action) => http.del(at(`nodes/${enc(nodeId)}/override-rules/${enc(action)}`)),

    // --- audit ----------------------------------------------------------------------------------------
    audit: params => http.get(at('audit') + query(params)),

    // --- links out ------------------------------------------------------------------------------------
    consoleUserUrl: userId => `${place.serverBase}/admin/${realm}/console/#/${realm}/users/${enc(userId)}/settings`,
  };
}

/** Realm admin or not, asked of the server: the admin API answers only realm admins. */
export async function detectRealmAdmin(http, place) {
  try {
    await http.get(`${place.serverBase}/admin/realms/${enc(place.realm)}/branchkey/nodes/roots?max=1`);
    return true;
  } catch (e) {
    if (e.status === 401 || e.status === 403) return false;
    throw e;
  }
}
