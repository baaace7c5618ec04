// Override policy of a place (docs/overrides.md): which register actions need a manager's approval here, as
// inherited from above, and the rules this place sets itself.

import {h, fill, table} from '../dom.js';
import {field, form} from '../components/forms.js';
import {allows} from '../session.js';

export async function render(ctx, node, keys) {
  const {session, api} = ctx;
  const canManage = allows(keys, 'overrides.manage-policy');
  const effectiveArea = h('div', {'aria-live': 'polite'});
  const ownArea = h('div', {'aria-live': 'polite'});

  async function load() {
    let effective;
    let own;
    try {
      [effective, own] = await Promise.all([api.overridePolicy(node.id), api.overrideRules(node.id)]);
    } catch (e) {
      fill(effectiveArea, h('p', {class: 'form-error', role: 'alert'}, e.message));
      fill(ownArea);
      return;
    }
    const names = new Map();
    for (const rule of effective) {
      if (rule.definedAt && rule.definedAt !== node.id && !names.has(rule.definedAt)) {
        try { names.set(rule.definedAt, (await session.node(rule.definedAt)).name); } catch (e) { names.set(rule.definedAt, 'a place above'); }
      }
    }
    fill(effectiveArea, effective.length
      ? table(`Rules in force at ${node.name}`, ['Action', 'Needs approval', 'Above', 'Approver needs', 'Set at'],
          effective.map(rule => h('tr', {},
            h('td', {}, h('code', {}, rule.action)),
            h('td', {}, rule.required ? 'Yes' : 'No (lifted)'),
            h('td', {}, thresholds(rule)),
            h('td', {}, h('code', {}, rule.approverPermission)),
            h('td', {}, rule.definedAt === node.id ? 'here'
              : h('a', {href: `#/nodes/${encodeURIComponent(rule.definedAt)}/overrides`}, names.get(rule.definedAt))))))
      : h('p', {}, 'No action needs an approval here.'));
    fill(ownArea, own.length
      ? table(`Rules set at ${node.name}`, ['Action', 'Needs approval', 'Above', 'Approver needs', ''],
          own.map(rule => h('tr', {},
            h('td', {}, h('code', {}, rule.action)),
            h('td', {}, rule.required ? 'Yes' : 'No (lifts the rule from above)'),
            h('td', {}, thresholds(rule)),
            h('td', {}, h('code', {}, rule.approverPermission)),
            h('td', {}, canManage ? h('button', {type: 'button', class: 'secondary small',
              'aria-label': `Remove the rule for ${rule.action}`,
              on: {click: async event => {
                event.target.disabled = true;
                try { await api.removeOverrideRule(node.id, rule.action); await load(); } catch (e) {
                  event.target.disabled = false;
                  event.target.after(h('span', {class: 'error-text', role: 'alert'}, ' ' + e.message));
                }
              }}}, 'Remove') : null))))
      : h('p', {}, 'This place sets no rule of its own.'));
  }

  const ruleForm = canManage ? form({
    label: 'Set a rule', submitLabel: 'Save rule', id: 'override-form',
    children: [h('h2', {}, 'Set a rule here'),
      h('p', {class: 'hint'}, 'A rule here holds for every place below until one further down sets its own. Saving a rule for an action that already has one here replaces it.'),
      field({label: 'Action', name: 'action', required: true, hint: 'e.g. return, discount, void, no-sale.'}),
      field({label: 'Needs a manager\'s approval', name: 'required', type: 'checkbox', value: true,
        hint: 'Untick to lift a rule inherited from above.'}),
      h('div', {class: 'row'},
        field({label: 'Only above this percentage', name: 'thresholdPercent', type: 'number', attrs: {min: 0, max: 100, step: '0.001'}}),
        field({label: 'Only above this amount (in cents)', name: 'thresholdAmount', type: 'number', attrs: {min: 0, step: 1}})),
      field({label: 'Approver needs the permission', name: 'approverPermission', value: 'overrides.approve'})],
    onSubmit: async (values, el) => {
      await api.setOverrideRule(node.id, values.action, {
        required: values.required,
        thresholdPercent: values.thresholdPercent === '' ? null : Number(values.thresholdPercent),
        thresholdAmount: values.thresholdAmount === '' ? null : Number(values.thresholdAmount),
        approverPermission: values.approverPermission || null,
      });
      el.reset();
      await load();
      return 'Saved.';
    },
  }) : null;

  await load();
  return [h('h2', {}, 'In force here'), effectiveArea, h('h2', {}, 'Set at this place'), ownArea, ruleForm];
}

function thresholds(rule) {
  const parts = [];
  if (rule.thresholdPercent !== undefined && rule.thresholdPercent !== null) parts.push(`${rule.thresholdPercent} %`);
  if (rule.thresholdAmount !== undefined && rule.thresholdAmount !== null) parts.push(`${(rule.thresholdAmount / 100).toFixed(2)} (${rule.thresholdAmount} cents)`);
  return parts.length ? parts.join(' or ') : 'any';
}
