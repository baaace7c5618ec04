// Who is signed in and where they may act, as the server said it: realm admins (the admin API answered) may do
// everything the admin API allows; anyone else holds what GET manage/me/scopes returned at their grant nodes,
// which reaches everything below those nodes. Buttons are shown from that; the server checks every call.

export function createSession(auth, api, place, scopes) {
  const nodes = new Map();
  const unreachable = new Set();
  const scopeList = scopes || [];

  function remember(list) {
    for (const node of [].concat(list || [])) {
      if (node && node.id) nodes.set(node.id, node);
    }
    return list;
  }
  scopeList.forEach(scope => remember(scope.node));

  async function node(id, fresh = false) {
    if (!fresh && nodes.has(id)) return nodes.get(id);
    const found = await api.node(id);
    remember(found);
    return found;
  }

  /** The visible path from the top down to the node itself. */
  async function path(id) {
    const target = await node(id);
    if (api.isRealmAdmin) {
      const above = remember(await api.ancestors(id));
      return [...above, target];
    }
    const chain = [target];
    let parentId = target.parentId;
    while (parentId && !unreachable.has(parentId)) {
      let parent = nodes.get(parentId);
      if (!parent) {
        try {
          parent = await node(parentId);
        } catch (e) {
          if (e.status !== 404) throw e;
          unreachable.add(parentId); // above the caller's reach: the path starts below it
          break;
        }
      }
      chain.unshift(parent);
      parentId = parent.parentId;
    }
    return chain;
  }

  /**
   * The permission keys the server reported for the caller's grant nodes on this node's path, or null for a
   * realm admin (the admin API decides by Keycloak admin roles, not by keys).
   */
  async function permissionsAt(id) {
    if (api.isRealmAdmin) return null;
    const ids = new Set((await path(id)).map(n => n.id));
    const keys = new Set();
    for (const scope of scopeList) {
      if (ids.has(scope.node.id)) scope.permissions.forEach(key => keys.add(key));
    }
    return keys;
  }

  /** Top of the tree as this caller sees it: the realm's roots, or their grant nodes that are not below another. */
  async function topNodes() {
    if (api.isRealmAdmin) return remember(await api.roots());
    const scopeIds = new Set(scopeList.map(s => s.node.id));
    const tops = [];
    for (const scope of scopeList) {
      const above = (await path(scope.node.id)).slice(0, -1);
      if (!above.some(n => scopeIds.has(n.id))) tops.push(scope.node);
    }
    return tops.sort((a, b) => a.name.localeCompare(b.name));
  }

  return {
    place,
    auth,
    api,
    scopes: scopeList,
    isRealmAdmin: api.isRealmAdmin,
    remember,
    node,
    path,
    permissionsAt,
    topNodes,
    forget: id => nodes.delete(id),
    cached: id => nodes.get(id),
  };
}

/** Whether a permission set from permissionsAt allows a key (null means realm admin: let the server decide). */
export function allows(keys, key) {
  return keys === null || keys.has(key);
}
