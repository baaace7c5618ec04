// Role groups: the realm's templates (realm admins edit them) and each account's own groups.

import {h, fill, table} from '../dom.js';
import {field, form} from '../components/forms.js';
import {kindLabel} from '../components/format.js';
import {nodePicker} from '../components/node-picker.js';
import {allows} from '../session.js';
import {navigate} from '../router.js';

const SYSTEMS = [
  {value: 'klicktrack', label: 'KlickTrack'}, {value: 'deliverect', label: 'Deliverect'},
  {value: 'dutchie', label: 'Dutchie'}, {value: 'tracktik', label: 'TrackTik'}, {value: 'techtrack', label: 'techTRACK'},
];

export async function render(ctx, params, query) {
  const {session, api} = ctx;
  ctx.title('Role groups');
  const ownerId = query.get('owner');
  if (!session.isRealmAdmin && !ownerId) {
    // A manager of one account goes straight to its groups.
    const accounts = session.scopes.map(s => s.node).filter(n => n.kind === 'ACCOUNT' || n.kind === 'PARTNER');
    if (accounts.length === 1) {
      navigate(`/role-groups?owner=${encodeURIComponent(accounts[0].id)}`);
      return [];
    }
  }
  const owner = ownerId ? await session.node(ownerId) : null;
  const showTemplates = session.isRealmAdmin && !owner;

  let groups;
  let intro;
  if (showTemplates) {
    groups = await api.templates();
    intro = 'Templates can be granted anywhere in the realm. Only realm admins change them.';
  } else if (owner) {
    groups = session.isRealmAdmin ? await api.roleGroupsOwnedBy(owner.id)
      : (await api.roleGroupsAt(owner.id)).filter(g => g.ownerNodeId === owner.id || !g.ownerNodeId);
    intro = session.isRealmAdmin ? `The own role groups of ${owner.name}.`
      : `Role groups usable at ${owner.name}: its own groups and the realm's templates (read-only).`;
  } else {
    groups = [];
    intro = 'Choose an account to see its role groups.';
  }

  const keys = owner ? await session.permissionsAt(owner.id) : null;
  const ownerCanHaveGroups = owner && (owner.kind === 'ACCOUNT' || owner.kind === 'PARTNER');
  const canCreate = showTemplates || (ownerCanHaveGroups && allows(keys, 'role-groups.create'));
  const newLink = canCreate ? h('a', {class: 'button', id: 'new-role-group',
    href: `#/role-groups/new${owner ? '?owner=' + encodeURIComponent(owner.id) : ''}`},
    showTemplates ? 'New template' : `New role group of ${owner.name}`) : null;

  const chooser = form({
    label: 'Whose role groups', submitLabel: 'Show', id: 'role-group-owner',
    children: [nodePicker(session, {label: 'Account', name: 'owner', value: owner, kinds: ['PARTNER', 'ACCOUNT'],
      allowNone: session.isRealmAdmin, noneLabel: 'The realm\u2019s templates'})],
    onSubmit: async values => navigate(`/role-groups${values.owner ? '?owner=' + encodeURIComponent(values.owner) : ''}`),
  });

  const rows = groups.slice().sort((a, b) => a.name.localeCompare(b.name)).map(group => h('tr', {},
    h('td', {}, h('a', {href: `#/role-groups/${encodeURIComponent(group.id)}?owner=${encodeURIComponent(group.ownerNodeId || '')}${owner ? '&at=' + encodeURIComponent(owner.id) : ''}`}, group.name)),
    h('td', {}, group.ownerNodeId ? 'Own group' : 'Template'),
    h('td', {}, group.source || '—'),
    h('td', {}, String(group.permissions.length)),
    h('td', {}, group.description || '')));

  const loader = showTemplates ? form({
    label: 'Load templates', submitLabel: 'Load or refresh', id: 'load-templates-form',
    children: [h('h2', {}, 'Templates of a source system'),
      h('p', {class: 'hint'}, 'Loads the shipped role groups of a source system, or refreshes them by name.'),
      field({label: 'Source system', name: 'system', type: 'select', options: SYSTEMS})],
    onSubmit: async values => {
      const loaded = await api.loadTemplates(values.system);
      navigate('/role-groups');
      return `${loaded.length} templates loaded.`;
    },
  }) : null;

  return [
    h('h1', {tabindex: '-1'}, owner ? `Role groups of ${owner.name}` : 'Role groups'),
    chooser,
    h('p', {}, intro, owner ? ` (${kindLabel(owner.kind)})` : ''),
    newLink,
    rows.length ? table(showTemplates ? 'Templates' : 'Role groups', ['Name', 'Kind', 'Source', 'Permissions', 'Description'], rows)
      : (owner || showTemplates ? h('p', {}, 'None yet.') : null),
    loader,
  ];
}
