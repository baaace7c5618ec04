// The audit trail of delegated actions (who did what, where, to whom, done or refused), per place or per user,
// filterable. Realm admins' own changes are Keycloak admin events and live in the admin console.

import {h, fill, table} from '../dom.js';
import {field, form} from '../components/forms.js';
import {dateTime, nodeLink} from '../components/format.js';
import {nodePicker} from '../components/node-picker.js';

const PAGE = 50;

export async function render(ctx, params, query) {
  ctx.title('Audit log');
  const nodeId = query.get('nodeId');
  const userId = query.get('userId');
  const fixedNode = nodeId ? await ctx.session.node(nodeId).catch(() => null) : null;
  return [
    h('h1', {tabindex: '-1'}, 'Audit log'),
    await auditView(ctx, {nodeId, userId, pickNode: true, initialNode: fixedNode}),
  ];
}

/**
 * The log with its filters. fixedNode / fixedUserId: shown inside a place's or a user's page, where that filter
 * does not change. pickNode: the filter includes a place picker.
 */
export async function auditView(ctx, {nodeId, userId, fixedNode, fixedUserId, pickNode, initialNode}) {
  const {session, api} = ctx;
  const names = new Map();
  const results = h('div', {'aria-live': 'polite', id: 'audit-results'});
  let filter = {nodeId: fixedNode ? fixedNode.id : nodeId, userId: fixedUserId || userId, action: '', outcome: ''};
  let entries = [];
  let first = 0;
  let more = false;

  async function userLabel(id) {
    if (!id) return '—';
    if (!names.has(id)) {
      try {
        names.set(id, (await api.user(id)).username);
      } catch (e) {
        names.set(id, `user ${id.slice(0, 8)}…`);
      }
    }
    return names.get(id);
  }

  async function fetchPage() {
    const page = await api.audit({nodeId: filter.nodeId, userId: filter.userId, first, max: PAGE});
    more = page.length === PAGE;
    first += page.length;
    entries = entries.concat(page);
  }

  async function show() {
    const action = filter.action.toLowerCase();
    const shown = entries.filter(e => (!action || e.action.toLowerCase().includes(action)) &&
      (!filter.outcome || e.outcome === filter.outcome));
    const rows = [];
    for (const entry of shown) {
      let where = '—';
      if (entry.nodeId) {
        try { where = nodeLink(await session.node(entry.nodeId)); } catch (e) { where = 'a place you cannot see'; }
      }
      rows.push(h('tr', {},
        h('td', {}, dateTime(entry.time)),
        h('td', {}, await userLabel(entry.actorId)),
        h('td', {}, h('code', {}, entry.action)),
        h('td', {}, where),
        h('td', {}, entry.targetUserId ? h('a', {href: `#/users/${encodeURIComponent(entry.targetUserId)}`},
          await userLabel(entry.targetUserId)) : '—'),
        h('td', {}, entry.outcome === 'REFUSED' ? '✗ Refused' : '✓ Done'),
        h('td', {class: 'details'}, entry.details || '')));
    }
    fill(results,
      rows.length ? table('Audit entries', ['When', 'Who', 'Action', 'Where', 'Whom', 'Outcome', 'Details'], rows)
        : h('p', {}, 'No entries match.'),
      more ? h('button', {type: 'button', class: 'secondary', on: {click: async () => { await fetchPage(); await show(); }}},
        'Load older entries') : null);
  }

  async function reload() {
    entries = [];
    first = 0;
    if (!session.isRealmAdmin && !filter.nodeId && !filter.userId) {
      fill(results, h('p', {}, 'Choose a place (or open a user) to see its audit log.'));
      return;
    }
    await fetchPage();
    await show();
  }

  const filters = form({
    label: 'Filter the audit log', submitLabel: 'Apply filters', id: 'audit-filter',
    children: [
      pickNode ? nodePicker(session, {label: 'Place', name: 'nodeId', value: initialNode, allowNone: true,
        noneLabel: session.isRealmAdmin ? 'Any place' : 'None'}) : null,
      h('div', {class: 'row'},
        field({label: 'Action contains', name: 'action', hint: 'e.g. GRANT, DEVICE, USER_INVITE'}),
        field({label: 'Outcome', name: 'outcome', type: 'select',
          options: [{value: '', label: 'Any'}, {value: 'SUCCESS', label: 'Done'}, {value: 'REFUSED', label: 'Refused'}]})),
    ],
    onSubmit: async values => {
      const next = {...filter, action: values.action || '', outcome: values.outcome || ''};
      if (pickNode) next.nodeId = values.nodeId || null;
      const refetch = next.nodeId !== filter.nodeId;
      filter = next;
      if (refetch) await reload(); else await show();
    },
  });

  await reload().catch(e => fill(results, h('p', {class: 'form-error', role: 'alert'}, e.message)));
  return h('div', {class: 'audit'},
    session.isRealmAdmin ? h('p', {class: 'hint'},
      'This is the trail of delegated actions. Realm admins\u2019 own changes are Keycloak admin events: admin console, Events, Admin events.') : null,
    filters, results);
}
