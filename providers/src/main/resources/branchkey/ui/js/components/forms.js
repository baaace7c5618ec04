// Labelled fields and forms that show the server's answer where it belongs: next to the field the error names
// (field = the API's field name, which is also the input's name), otherwise at the top of the form.

import {h, uid} from '../dom.js';

/**
 * One labelled input. kind: 'text' (default) and other input types, 'select' (options: [{value, label}]),
 * 'textarea', 'checkbox'.
 */
export function field({label, name, type = 'text', value, required, hint, options, attrs = {}}) {
  const id = uid('f');
  const hintId = hint ? `${id}-hint` : null;
  const errorId = `${id}-error`;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ');
  let input;
  if (type === 'select') {
    input = h('select', {id, name, required, 'aria-describedby': describedBy, ...attrs},
      (options || []).map(o => {
        const option = h('option', {value: o.value}, o.label);
        option.defaultSelected = String(o.value) === String(value ?? '');
        return option;
      }));
  } else if (type === 'textarea') {
    input = h('textarea', {id, name, required, 'aria-describedby': describedBy, rows: 3, ...attrs});
    input.defaultValue = value ?? ''; // form.reset() returns to it
  } else if (type === 'checkbox') {
    input = h('input', {id, name, type, 'aria-describedby': describedBy, ...attrs});
    input.defaultChecked = !!value;
    return h('div', {class: 'field field-checkbox', dataset: {field: name}},
      input, h('label', {for: id}, label),
      hint ? h('p', {class: 'hint', id: hintId}, hint) : null,
      h('p', {class: 'field-error', id: errorId, hidden: true}));
  } else {
    input = h('input', {id, name, type, required, 'aria-describedby': describedBy, ...attrs});
    input.defaultValue = value ?? ''; // form.reset() returns to it
  }
  return h('div', {class: 'field', dataset: {field: name}},
    h('label', {for: id}, label, required ? h('span', {class: 'required', 'aria-hidden': 'true'}, ' *') : null),
    hint ? h('p', {class: 'hint', id: hintId}, hint) : null,
    input,
    h('p', {class: 'field-error', id: errorId, hidden: true}));
}

/**
 * A form whose submit runs onSubmit(values, form) with the button busy, and shows a failure from the server.
 * onSubmit may return a message to announce on success.
 */
export function form({label, submitLabel, onSubmit, children, secondary, id}) {
  const alert = h('div', {class: 'form-error', role: 'alert', hidden: true});
  const success = h('p', {class: 'form-success', role: 'status'});
  const submit = h('button', {type: 'submit', class: 'primary'}, submitLabel);
  const el = h('form', {'aria-label': label, id, novalidate: true},
    alert, children, h('div', {class: 'actions'}, submit, secondary), success);
  el.addEventListener('submit', async event => {
    event.preventDefault();
    clearErrors(el);
    success.textContent = '';
    if (!el.checkValidity()) {
      const invalid = el.querySelector(':invalid');
      if (invalid) {
        const name = invalid.name;
        showError(el, {field: name, message: invalid.validationMessage});
      }
      return;
    }
    submit.disabled = true;
    el.setAttribute('aria-busy', 'true');
    try {
      const message = await onSubmit(values(el), el);
      if (message) success.textContent = message;
    } catch (error) {
      showError(el, error);
    } finally {
      submit.disabled = false;
      el.removeAttribute('aria-busy');
    }
  });
  return el;
}

export function values(formEl) {
  const result = {};
  for (const element of formEl.elements) {
    if (!element.name) continue;
    if (element.type === 'checkbox') {
      if (element.dataset.multi) {
        (result[element.name] ||= []);
        if (element.checked) result[element.name].push(element.value);
      } else {
        result[element.name] = element.checked;
      }
    } else if (element.type === 'radio') {
      if (element.checked) result[element.name] = element.value;
    } else {
      result[element.name] = element.value.trim();
    }
  }
  return result;
}

export function clearErrors(formEl) {
  formEl.querySelectorAll('.field-error').forEach(p => { p.hidden = true; p.textContent = ''; });
  formEl.querySelectorAll('[aria-invalid]').forEach(i => i.removeAttribute('aria-invalid'));
  const alert = formEl.querySelector('.form-error');
  if (alert) { alert.hidden = true; alert.textContent = ''; }
}

/** Puts an error next to its field when the form has that field, else at the top of the form. */
export function showError(formEl, error) {
  const message = error && error.message ? error.message : String(error);
  const container = error && error.field
    ? formEl.querySelector(`[data-field="${CSS.escape(error.field)}"]`) : null;
  if (container) {
    const p = container.querySelector('.field-error');
    p.textContent = message;
    p.hidden = false;
    const input = container.querySelector('input, select, textarea');
    if (input) {
      input.setAttribute('aria-invalid', 'true');
      input.focus();
    }
    return;
  }
  const alert = formEl.querySelector('.form-error');
  alert.textContent = message;
  alert.hidden = false;
  alert.focus?.();
}

/** A millisecond timestamp from a datetime-local value (the browser's time zone), or null when empty. */
export function epochMillis(localValue) {
  if (!localValue) return null;
  const ms = new Date(localValue).getTime();
  return Number.isNaN(ms) ? null : ms;
}

/** A datetime-local value for a timestamp. */
export function localInputValue(ms) {
  if (ms === null || ms === undefined) return '';
  const d = new Date(ms);
  const pad = n => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
