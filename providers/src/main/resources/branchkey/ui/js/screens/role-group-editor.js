// Editing a role group: its name and description, and its permissions from the realm's catalog, section by
// section, each with what it implies and the level it needs to take effect.

import {h, fill, uid} from '../dom.js';
import {field, form, showError} from '../components/forms.js';
import {kindLabel} from '../components/format.js';
import {allows} from '../session.js';
import {navigate} from '../router.js';

export async function render(ctx, params, query) {
  const {session, api} = ctx;
  const ownerId = query.get('owner') || null;
  const at = query.get('at') || ownerId;
  const owner = ownerId ? await session.node(ownerId) : null;
  const catalog = await api.catalog();

  let group = null;
  if (params.id) {
    group = session.isRealmAdmin ? await api.roleGroup(params.id)
      : (await api.roleGroupsAt(at)).find(g => g.id === params.id);
    if (!group) throw new Error('This role group is not visible here.');
  }
  const isTemplate = group ? !group.ownerNodeId : !owner;
  const keys = owner ? await session.permissionsAt(owner.id) : null;
  const writable = session.isRealmAdmin
    || (!isTemplate && allows(keys, group ? 'role-groups.update' : 'role-groups.create'));
  const mayDelete = group && (session.isRealmAdmin || (!isTemplate && allows(keys, 'role-groups.delete')));
  const title = group ? group.name : (owner ? `New role group of ${owner.name}` : 'New template');
  ctx.title(title);
  const back = owner ? `#/role-groups?owner=${encodeURIComponent(owner.id)}` : '#/role-groups';

  const byKey = new Map(catalog.permissions.map(p => [p.key, p]));
  const selected = new Set(group ? group.permissions : []);
  const sections = new Map();
  for (const p of catalog.permissions) {
    if (p.retired && !selected.has(p.key)) continue;
    if (!sections.has(p.section)) sections.set(p.section, []);
    sections.get(p.section).push(p);
  }

  /** Everything the selection gives through implications (followed transitively, as the server does). */
  function implied() {
    const result = new Set();
    const queue = [...selected];
    while (queue.length) {
      const p = byKey.get(queue.pop());
      for (const next of (p && p.implies) || []) {
        if (!result.has(next)) { result.add(next); queue.push(next); }
      }
    }
    return result;
  }

  const count = h('p', {role: 'status', id: 'permission-count'});
  const notes = new Map();
  const summaries = new Map();
  function refreshHints() {
    const through = implied();
    for (const [key, note] of notes) note.hidden = selected.has(key) || !through.has(key);
    for (const [section, summary] of summaries) {
      const n = sections.get(section).filter(p => selected.has(p.key)).length;
      summary.textContent = `${section} — ${n} of ${sections.get(section).length} chosen`;
    }
    count.textContent = `${selected.size} permission${selected.size === 1 ? '' : 's'} chosen` +
      (through.size ? `, plus ${[...through].filter(k => !selected.has(k)).length} through implications` : '');
  }

  const filterInput = h('input', {type: 'search', id: 'permission-filter', placeholder: 'Name, key or description'});
  const sectionEls = [];
  for (const [section, permissions] of sections) {
    const summary = h('summary', {});
    summaries.set(section, summary);
    const items = permissions.map(p => {
      const id = uid('perm');
      const box = h('input', {type: 'checkbox', id, name: 'permissions', value: p.key, dataset: {multi: 'true'},
        checked: selected.has(p.key), disabled: !writable || p.retired || (p.realmAdminOnly && !session.isRealmAdmin),
        'aria-describedby': `${id}-about`});
      box.addEventListener('change', () => {
        if (box.checked) selected.add(p.key); else selected.delete(p.key);
        refreshHints();
      });
      const note = h('span', {class: 'implied-note', hidden: true}, ' — included through another chosen permission');
      notes.set(p.key, note);
      const about = h('div', {class: 'perm-about', id: `${id}-about`},
        h('code', {}, p.key), p.description ? ` — ${p.description}` : '',
        p.implies.length ? h('div', {}, 'Also gives: ', p.implies.map((k, i) => [i ? ', ' : '', (byKey.get(k) || {name: k}).name])) : null,
        p.minLevel ? h('div', {}, `Takes effect only when granted at ${kindLabel(p.minLevel).toLowerCase()} level or above.`) : null,
        p.realmAdminOnly ? h('div', {}, 'Only realm admins can put it into a role group.') : null,
        p.retired ? h('div', {}, 'Retired: it no longer has any effect.') : null);
      return h('div', {class: 'perm', dataset: {search: `${p.key} ${p.name} ${p.description || ''}`.toLowerCase()}},
        box, h('label', {for: id}, p.name, note), about);
    });
    sectionEls.push(h('details', {class: 'perm-section', dataset: {section}}, summary, h('fieldset', {},
      h('legend', {class: 'visually-hidden'}, section), items)));
  }
  filterInput.addEventListener('input', () => {
    const text = filterInput.value.trim().toLowerCase();
    for (const el of sectionEls) {
      let visible = 0;
      el.querySelectorAll('.perm').forEach(perm => {
        const show = !text || perm.dataset.search.includes(text);
        perm.hidden = !show;
        if (show) visible += 1;
      });
      el.hidden = visible === 0;
      el.open = !!text && visible > 0;
    }
  });

  const permissionsField = h('div', {class: 'field', dataset: {field: 'permissions'}},
    h('h2', {}, 'Permissions'),
    h('p', {class: 'hint'}, `From the realm's catalog (version ${catalog.version}), by section. A grant of this group gives them at its place and below.`),
    h('label', {for: 'permission-filter'}, 'Filter permissions'), filterInput,
    count,
    h('p', {class: 'field-error', hidden: true}),
    sectionEls);

  const children = [
    field({label: 'Name', name: 'name', value: group && group.name, required: true, attrs: {readonly: !writable}}),
    field({label: 'Description', name: 'description', type: 'textarea', value: group && group.description, attrs: {readonly: !writable}}),
    permissionsField,
  ];
  refreshHints();

  const deleteButton = mayDelete ? h('button', {type: 'button', class: 'danger', id: 'delete-role-group', on: {click: async () => {
    if (!window.confirm(`Delete the role group ${group.name}?`)) return;
    try {
      await api.deleteRoleGroup(group.id);
      navigate(back.slice(1));
    } catch (e) {
      showError(editor, e);
    }
  }}}, 'Delete') : null;

  const editor = writable ? form({
    label: title, submitLabel: group ? 'Save role group' : 'Create role group', id: 'role-group-form', children,
    secondary: [h('a', {href: back, class: 'button secondary'}, 'Back'), deleteButton],
    onSubmit: async values => {
      const body = {name: values.name, description: values.description || null, permissions: [...selected]};
      if (group) {
        group = await api.updateRoleGroup(group.id, body);
        return 'Saved.';
      }
      const created = await api.createRoleGroup({...body, ownerNodeId: owner ? owner.id : null});
      navigate(`/role-groups/${encodeURIComponent(created.id)}?owner=${encodeURIComponent(created.ownerNodeId || '')}`);
      return null;
    },
  }) : h('div', {class: 'readonly'}, h('p', {class: 'hint'}, isTemplate
      ? 'Templates are read-only here: only realm admins change them.' : 'You can read this role group but not change it.'),
    children, h('a', {href: back, class: 'button secondary'}, 'Back'));

  return [
    h('nav', {class: 'breadcrumbs', 'aria-label': 'Path'}, h('ol', {},
      h('li', {}, h('a', {href: back}, owner ? `Role groups of ${owner.name}` : 'Templates')),
      h('li', {}, h('span', {'aria-current': 'page'}, title)))),
    h('h1', {tabindex: '-1'}, title),
    group ? h('p', {class: 'muted'}, isTemplate ? `Template${group.source ? ' from ' + group.source : ''}` : `Own group of ${owner ? owner.name : 'an account'}`) : null,
    editor,
  ];
}
