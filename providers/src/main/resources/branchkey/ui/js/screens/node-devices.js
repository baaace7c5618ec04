// Devices of a location: the list, one-time enrollment codes (shown once, never again), rename, disable, enable
// and delete.

import {h, fill, table, uid} from '../dom.js';
import {field, form} from '../components/forms.js';
import {dateTime, statusBadge} from '../components/format.js';
import {allows} from '../session.js';

export async function render(ctx, node, keys) {
  const {session, api} = ctx;
  const canRegister = allows(keys, 'devices.register');
  const canManage = allows(keys, 'devices.manage');
  const listArea = h('div', {'aria-live': 'polite'});
  const codeArea = h('div', {id: 'enrollment-result'});

  async function load() {
    let devices;
    try {
      devices = await api.devices(node.id);
    } catch (e) {
      fill(listArea, h('p', {class: 'form-error', role: 'alert'}, e.message));
      return;
    }
    if (!devices.length) {
      fill(listArea, h('p', {}, 'No device is registered here yet.'));
      return;
    }
    fill(listArea, table(`Devices of ${node.name}`, ['Name', 'Type', 'Status', 'Registered', 'Last seen', ''],
      devices.map(device => deviceRow(device))));
  }

  function deviceRow(device) {
    const actions = h('td', {class: 'row-actions'});
    const nameCell = h('td', {}, device.name || '—');
    if (canManage) {
      const disabled = device.status === 'DISABLED';
      actions.append(
        h('button', {type: 'button', class: 'secondary small', 'aria-label': `Rename ${device.name || device.id}`,
          on: {click: () => fill(nameCell, renameForm(device))}}, 'Rename'),
        h('button', {type: 'button', class: 'secondary small', 'aria-label': `${disabled ? 'Enable' : 'Disable'} ${device.name || device.id}`,
          on: {click: () => act(actions, () => disabled ? api.enableDevice(device.id) : api.disableDevice(device.id))}},
          disabled ? 'Enable' : 'Disable'),
        h('button', {type: 'button', class: 'danger small', 'aria-label': `Delete ${device.name || device.id}`,
          on: {click: () => {
            if (window.confirm(`Delete the device ${device.name || device.id}? It has to enroll again afterwards.`)) {
              act(actions, () => api.deleteDevice(device.id));
            }
          }}}, 'Delete'));
    }
    return h('tr', {}, nameCell, h('td', {}, device.type), h('td', {}, statusBadge(device.status)),
      h('td', {}, dateTime(device.createdAt)), h('td', {}, dateTime(device.lastSeenAt)), actions);
  }

  async function act(cell, operation) {
    cell.querySelectorAll('button').forEach(b => { b.disabled = true; });
    try {
      await operation();
      await load();
    } catch (e) {
      cell.querySelectorAll('button').forEach(b => { b.disabled = false; });
      cell.append(h('span', {class: 'error-text', role: 'alert'}, ' ' + e.message));
    }
  }

  function renameForm(device) {
    const id = uid('rename');
    return form({
      label: `Rename ${device.name || device.id}`, submitLabel: 'Save',
      children: [field({label: 'New name', name: 'name', value: device.name, required: true})],
      secondary: h('button', {type: 'button', class: 'secondary', on: {click: load}}, 'Cancel'),
      onSubmit: async values => {
        await api.renameDevice(device.id, values.name);
        await load();
      },
      id,
    });
  }

  let types = [];
  if (session.isRealmAdmin) {
    try { types = await api.deviceTypes(); } catch (e) { types = []; }
  }
  const typeList = uid('device-types');
  const enrollForm = canRegister ? form({
    label: 'New enrollment code', submitLabel: 'Create enrollment code', id: 'enrollment-form',
    children: [h('h2', {}, 'Register a device'),
      h('p', {class: 'hint'}, 'The code is shown once. Type it into the new device within its validity; it works only once.'),
      field({label: 'Device type', name: 'type', value: 'register', required: true,
        hint: 'register, fulfillment, queue-desktop or kiosk, or a type your realm added.', attrs: {list: typeList}}),
      h('datalist', {id: typeList}, types.map(t => h('option', {value: t.name}, t.displayName))),
      field({label: 'Device name', name: 'name', hint: 'Optional, e.g. Front register.'}),
      field({label: 'Valid for (minutes)', name: 'minutes', type: 'number', value: '10', attrs: {min: 1, max: 1440}})],
    onSubmit: async (values, el) => {
      const minutes = Number(values.minutes || 10);
      let enrollment;
      try {
        enrollment = await api.createEnrollment({locationId: node.id, type: values.type, name: values.name || null,
          expiresInSeconds: Math.round(minutes * 60)});
      } catch (e) {
        throw e.field === 'expiresInSeconds' ? {field: 'minutes', message: e.message} : e;
      }
      el.reset();
      showCode(enrollment);
    },
  }) : null;

  /** The code lives only in this box: "Done" removes it from the page, and nothing else keeps it. */
  function showCode(enrollment) {
    const done = h('button', {type: 'button', class: 'primary', id: 'enrollment-done', on: {click: () => {
      fill(codeArea);
      enrollForm.querySelector('input')?.focus();
    }}}, 'Done, I have entered it');
    fill(codeArea, h('div', {class: 'secret-box', role: 'alert'},
      h('h2', {}, 'Enrollment code'),
      h('p', {class: 'secret', id: 'enrollment-code'}, enrollment.code),
      h('p', {}, `For a ${enrollment.type}${enrollment.name ? ' named ' + enrollment.name : ''}, valid until ${dateTime(enrollment.expiresAt)}.`),
      h('p', {class: 'hint'}, 'It is shown only now. If it is lost, create a new one.'),
      done));
    done.focus();
  }

  await load();
  return [listArea, codeArea, enrollForm,
    !canRegister && !canManage ? h('p', {class: 'muted'}, 'You can see the devices here but not register or change them.') : null];
}
