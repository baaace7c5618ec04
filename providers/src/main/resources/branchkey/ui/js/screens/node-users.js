// The users of a place: its members (or everyone below it), adding and removing members, and inviting a new user
// to an account.

import {h, fill, table} from '../dom.js';
import {field, form} from '../components/forms.js';
import {userPicker} from '../components/user-picker.js';
import {allows} from '../session.js';

export async function render(ctx, node, keys) {
  const {session, api} = ctx;
  const canAssign = allows(keys, 'users.update-locations');
  const canInvite = !session.isRealmAdmin && node.kind === 'ACCOUNT' && allows(keys, 'users.invite');
  const listArea = h('div', {'aria-live': 'polite'});
  const subtreeBox = h('input', {type: 'checkbox', id: 'users-subtree'});
  subtreeBox.addEventListener('change', load);

  async function load() {
    const subtree = subtreeBox.checked;
    fill(listArea, h('p', {class: 'muted'}, 'Loading…'));
    let users;
    try {
      users = await api.nodeUsers(node.id, subtree);
    } catch (e) {
      fill(listArea, h('p', {class: 'form-error', role: 'alert'}, e.message));
      return;
    }
    if (!users.length) {
      fill(listArea, h('p', {}, subtree ? 'Nobody belongs here or below.' : 'Nobody belongs to this place directly.'));
      return;
    }
    const rows = users.map(user => {
      const removeButton = canAssign && !subtree
        ? h('button', {type: 'button', class: 'secondary small', on: {click: async () => {
            removeButton.disabled = true;
            try {
              await api.removeMember(node.id, user.id);
              await load();
            } catch (e) {
              removeButton.disabled = false;
              removeButton.after(h('span', {class: 'error-text', role: 'alert'}, ' ' + e.message));
            }
          }}, 'aria-label': `Remove ${user.username} from ${node.name}`}, 'Remove')
        : null;
      return h('tr', {},
        h('td', {}, h('a', {href: `#/users/${encodeURIComponent(user.id)}`}, user.username)),
        h('td', {}, [user.firstName, user.lastName].filter(Boolean).join(' ') || '—'),
        h('td', {}, user.email || '—'),
        h('td', {}, user.enabled ? 'Enabled' : 'Disabled'),
        h('td', {}, removeButton));
    });
    fill(listArea, table(subtree ? `Users of ${node.name} and below` : `Members of ${node.name}`,
      ['Username', 'Name', 'Email', 'State', ''], rows));
  }

  const addForm = canAssign ? form({
    label: `Add a user to ${node.name}`, submitLabel: `Add to ${node.name}`, id: 'add-member-form',
    children: [h('h2', {}, 'Add a user'), userPicker(session, {label: 'User', name: 'userId'})],
    onSubmit: async values => {
      if (!values.userId) throw {field: 'userId', message: 'Choose a user first.'};
      await api.addMember(node.id, values.userId);
      await load();
      return 'Added.';
    },
  }) : null;

  const inviteForm = canInvite ? form({
    label: `Invite a user to ${node.name}`, submitLabel: 'Send invitation', id: 'invite-form',
    children: [h('h2', {}, 'Invite a new user'),
      h('p', {class: 'hint'}, `The user gets ${node.name} as home account and chooses a password at the first sign-in.`),
      field({label: 'Username', name: 'username', required: true}),
      field({label: 'Email', name: 'email', type: 'email'}),
      h('div', {class: 'row'}, field({label: 'First name', name: 'firstName'}), field({label: 'Last name', name: 'lastName'}))],
    onSubmit: async (values, el) => {
      await api.inviteUser({...values, homeAccountId: node.id});
      el.reset();
      await load();
      return `Invited ${values.username}.`;
    },
  }) : null;

  await load();
  return [
    h('div', {class: 'field field-checkbox'}, subtreeBox, h('label', {for: 'users-subtree'}, 'Include everyone below this place')),
    listArea,
    h('div', {class: 'split'}, addForm, inviteForm),
  ];
}
