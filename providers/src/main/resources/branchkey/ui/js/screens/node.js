// One place: its path, its name and state, and tabs for details, users, devices, role groups, override policy and
// audit. Each tab is its own module.

import {h} from '../dom.js';
import {kindLabel, statusBadge} from '../components/format.js';
import * as details from './node-details.js';
import * as users from './node-users.js';
import * as devices from './node-devices.js';
import * as roleGroups from './node-role-groups.js';
import * as overrides from './node-overrides.js';
import {auditView} from './audit.js';
import {allows} from '../session.js';

const TABS = [
  {id: 'details', label: 'Details', render: details.render},
  {id: 'users', label: 'Users', render: users.render, only: (node, keys) => allows(keys, 'users.view')},
  {id: 'devices', label: 'Devices', render: devices.render,
    only: (node, keys) => node.kind === 'LOCATION' && allows(keys, 'devices.view')},
  {id: 'role-groups', label: 'Role groups', render: roleGroups.render},
  {id: 'overrides', label: 'Override policy', render: overrides.render},
  {id: 'audit', label: 'Audit log', render: (ctx, node) => auditView(ctx, {nodeId: node.id, fixedNode: node}),
    only: (node, keys) => allows(keys, 'audit.view')},
];

export async function render(ctx, {id, tab = 'details'}) {
  const {session} = ctx;
  const node = await session.node(id, true);
  const path = await session.path(id);
  const keys = await session.permissionsAt(id);
  ctx.tree.reveal(id);
  // Tabs follow the permission keys the server reported for this place (realm admins: all of them).
  const tabs = TABS.filter(t => !t.only || t.only(node, keys));
  const current = tabs.find(t => t.id === tab) || tabs[0];
  ctx.title(`${node.name} · ${current.label}`);

  const crumbs = h('nav', {class: 'breadcrumbs', 'aria-label': 'Path'},
    h('ol', {}, path.map((n, i) => h('li', {},
      i === path.length - 1 ? h('span', {'aria-current': 'page'}, n.name)
        : h('a', {href: `#/nodes/${encodeURIComponent(n.id)}`}, n.name)))));

  const tabNav = h('nav', {class: 'tabs', 'aria-label': `Sections of ${node.name}`},
    h('ul', {}, tabs.map(t => h('li', {},
      h('a', {href: `#/nodes/${encodeURIComponent(node.id)}/${t.id}`, id: `tab-${t.id}`,
        'aria-current': t === current ? 'page' : false}, t.label)))));

  const panel = await current.render(ctx, node, keys);
  return [
    crumbs,
    h('div', {class: 'node-head'},
      h('h1', {tabindex: '-1', id: 'node-title'}, node.name),
      h('p', {class: 'node-facts'}, h('span', {}, kindLabel(node.kind)), node.code ? h('span', {}, h('code', {}, node.code)) : null,
        statusBadge(node.status))),
    tabNav,
    h('section', {class: 'panel', 'aria-labelledby': `tab-${current.id}`}, panel),
  ];
}
