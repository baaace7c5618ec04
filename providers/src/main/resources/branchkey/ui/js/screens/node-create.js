// Creating a place: below a chosen parent (or, for realm admins, at the top of the tree).

import {h, fill} from '../dom.js';
import {field, form} from '../components/forms.js';
import {nodePicker} from '../components/node-picker.js';
import {nodeFields, nodeBody} from '../components/node-fields.js';
import {CHILD_KINDS, kindLabel} from '../components/format.js';
import {navigate} from '../router.js';

export async function render(ctx, params, query) {
  const {session, api} = ctx;
  ctx.title('New place');
  const parentId = query.get('parent');
  let parent = parentId ? await session.node(parentId) : null;

  const kindField = h('div', {});
  function kindsFor(p) {
    return CHILD_KINDS[p ? p.kind : 'ROOT'] || [];
  }
  function renderKinds() {
    const kinds = kindsFor(parent);
    fill(kindField, kinds.length
      ? field({label: 'Kind', name: 'kind', type: 'select', value: kinds[kinds.length - 1],
          options: kinds.map(k => ({value: k, label: kindLabel(k)}))})
      : h('p', {class: 'form-error', role: 'alert'}, 'Nothing can be created below a location.'));
  }
  renderKinds();

  const picker = nodePicker(session, {
    label: 'Parent', name: 'parentId', value: parent, kinds: ['PARTNER', 'ACCOUNT', 'REGION'],
    allowNone: session.isRealmAdmin, noneLabel: 'None: at the top of the tree',
    onChange: chosen => { parent = chosen; renderKinds(); },
  });

  const el = form({
    label: 'New place', submitLabel: 'Create', id: 'node-create-form',
    children: [picker, kindField, ...nodeFields({})],
    secondary: h('a', {href: parent ? `#/nodes/${encodeURIComponent(parent.id)}` : '#/', class: 'button secondary'}, 'Cancel'),
    onSubmit: async values => {
      const body = {...nodeBody(values), kind: values.kind, parentId: values.parentId || null};
      const created = await api.createNode(body);
      session.remember(created);
      if (created.parentId) ctx.tree.expand(created.parentId);
      navigate(`/nodes/${encodeURIComponent(created.id)}`);
    },
  });
  return [h('h1', {tabindex: '-1'}, parent ? `New place in ${parent.name}` : 'New place'), el];
}
