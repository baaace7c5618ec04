// A user's PIN (docs/pin.md): whether one is set and locked, generate a new one (shown once, then gone), reset (the
// user chooses a new one at the next sign-in) and unlock. The PIN never lands anywhere but in this box.

import {h, fill} from '../dom.js';
import {dateTime} from '../components/format.js';

export async function pinSection(ctx, user, mayReset) {
  const {api} = ctx;
  const statusArea = h('div', {'aria-live': 'polite', id: 'pin-status'});
  const onceArea = h('div', {id: 'pin-once'});
  const messages = h('p', {role: 'status', class: 'form-success'});
  let available = true;

  async function load() {
    try {
      const status = await api.pinStatus(user.id);
      fill(statusArea, h('p', {},
        status.configured ? `A PIN is set since ${dateTime(status.createdAt)}.` : 'No PIN is set.',
        status.locked ? h('strong', {}, ` Locked after ${status.consecutiveFailures} failed attempts.`) : null));
      unlock.hidden = !status.locked;
    } catch (e) {
      // Our API's own 404 says not_found; any other 404 means the PIN endpoints are not on this server.
      if (e.status === 404 && e.error !== 'not_found') {
        available = false;
        fill(statusArea, h('p', {class: 'muted'}, 'PIN management is not available on this server.'));
      } else {
        fill(statusArea, h('p', {class: 'form-error', role: 'alert'}, e.message));
      }
    }
  }

  async function run(button, operation) {
    button.disabled = true;
    messages.textContent = '';
    try {
      await operation();
    } catch (e) {
      messages.textContent = '';
      fill(onceArea, h('p', {class: 'form-error', role: 'alert'}, e.message));
    } finally {
      button.disabled = false;
    }
  }

  const generate = h('button', {type: 'button', id: 'pin-generate', on: {click: () => run(generate, async () => {
    const answer = await api.generatePin(user.id);
    const done = h('button', {type: 'button', class: 'primary', id: 'pin-done', on: {click: () => {
      fill(onceArea);
      generate.focus();
    }}}, 'Done, I have passed it on');
    fill(onceArea, h('div', {class: 'secret-box', role: 'alert'},
      h('h3', {}, `New PIN for ${user.username}`),
      h('p', {class: 'secret', id: 'pin-value'}, answer.pin),
      h('p', {class: 'hint'}, 'It is shown only now and stored only as a hash. Give it to the user in person.'),
      done));
    done.focus();
    await load();
  })}}, 'Generate a new PIN');
  const reset = h('button', {type: 'button', class: 'secondary', id: 'pin-reset', on: {click: () => run(reset, async () => {
    if (!window.confirm(`Remove ${user.username}'s PIN? They choose a new one at their next sign-in.`)) return;
    await api.resetPin(user.id);
    messages.textContent = 'PIN removed: the user chooses a new one at the next sign-in.';
    await load();
  })}}, 'Reset');
  const unlock = h('button', {type: 'button', class: 'secondary', id: 'pin-unlock', hidden: true, on: {click: () => run(unlock, async () => {
    await api.unlockPin(user.id);
    messages.textContent = 'Unlocked.';
    await load();
  })}}, 'Unlock');

  await load();
  return h('section', {'aria-labelledby': 'user-pin'},
    h('h2', {id: 'user-pin'}, 'PIN'),
    statusArea,
    available && mayReset ? h('div', {class: 'actions toolbar'}, generate, reset, unlock) : null,
    onceArea, messages);
}
