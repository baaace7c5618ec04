// Finding nodes by name or code: across the realm for realm admins, inside the caller's grant subtrees for
// everyone else (the delegated API has no realm-wide search, by design).

export async function searchNodes(session, text, {kinds, max = 25} = {}) {
  const q = (text || '').trim();
  const api = session.api;
  let found;
  if (api.isRealmAdmin) {
    const kind = kinds && kinds.length === 1 ? kinds[0] : undefined;
    found = await api.searchNodes({q, kind, max});
  } else {
    const tops = await session.topNodes();
    const lower = q.toLowerCase();
    found = tops.filter(n => !q || n.name.toLowerCase().includes(lower) || (n.code || '').toLowerCase().includes(lower));
    for (const top of tops) {
      const kind = kinds && kinds.length === 1 ? kinds[0] : undefined;
      found.push(...await api.subtree(top.id, {q, kind, max}));
    }
  }
  const seen = new Set();
  const result = [];
  for (const node of found) {
    if (seen.has(node.id) || (kinds && !kinds.includes(node.kind))) continue;
    seen.add(node.id);
    result.push(node);
  }
  session.remember(result);
  return result.slice(0, max);
}
