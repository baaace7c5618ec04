// The role groups that can be granted at a place: the realm's templates and the groups of the accounts above it.

import {h, table} from '../dom.js';
import {allows} from '../session.js';

export async function render(ctx, node, keys) {
  const {session, api} = ctx;
  const groups = await api.roleGroupsAt(node.id);
  const owners = new Map();
  for (const group of groups) {
    if (group.ownerNodeId && !owners.has(group.ownerNodeId)) {
      try { owners.set(group.ownerNodeId, await session.node(group.ownerNodeId)); } catch (e) { owners.set(group.ownerNodeId, null); }
    }
  }
  const ownsGroups = node.kind === 'ACCOUNT' || node.kind === 'PARTNER';
  const canCreate = ownsGroups && allows(keys, 'role-groups.create');
  const rows = groups
    .slice().sort((a, b) => (a.ownerNodeId ? 0 : 1) - (b.ownerNodeId ? 0 : 1) || a.name.localeCompare(b.name))
    .map(group => {
      const owner = group.ownerNodeId ? owners.get(group.ownerNodeId) : null;
      const editorLink = `#/role-groups/${encodeURIComponent(group.id)}?owner=${encodeURIComponent(group.ownerNodeId || '')}&at=${encodeURIComponent(node.id)}`;
      return h('tr', {},
        h('td', {}, h('a', {href: editorLink}, group.name)),
        h('td', {}, group.ownerNodeId ? `Own group of ${owner ? owner.name : 'an account above'}` : 'Template'),
        h('td', {}, String(group.permissions.length)),
        h('td', {}, group.description || ''));
    });
  return [
    h('p', {}, `What can be granted at ${node.name}: the realm's templates and the groups of the accounts above it.`),
    canCreate ? h('p', {}, h('a', {class: 'button', id: 'new-role-group',
      href: `#/role-groups/new?owner=${encodeURIComponent(node.id)}`}, `New role group of ${node.name}`)) : null,
    rows.length ? table(`Role groups at ${node.name}`, ['Name', 'Kind', 'Permissions', 'Description'], rows)
      : h('p', {}, 'No role group can be granted here yet.'),
  ];
}
