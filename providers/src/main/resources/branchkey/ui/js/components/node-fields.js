// The attribute fields of a node (create and edit share them) and the request body they make. Input names are
// the API's field names (address.country, …) so the server's validation errors land next to the right input.

import {h} from '../dom.js';
import {field} from './forms.js';

export function nodeFields(node = {}) {
  const address = node.address || {};
  const externalIds = Object.entries(node.externalIds || {}).map(([k, v]) => `${k}=${v}`).join('\n');
  return [
    field({label: 'Name', name: 'name', value: node.name, required: true, attrs: {maxlength: 255}}),
    field({label: 'Code', name: 'code', value: node.code,
      hint: 'Required for locations. Letters, digits, dot, underscore and dash; unique in the realm.', attrs: {maxlength: 64}}),
    field({label: 'Status', name: 'status', type: 'select', value: node.status || 'ACTIVE',
      options: [{value: 'ACTIVE', label: 'Active'}, {value: 'SUSPENDED', label: 'Suspended'}]}),
    field({label: 'Time zone', name: 'timezone', value: node.timezone, hint: 'An IANA zone such as America/Denver.'}),
    h('fieldset', {class: 'group'}, h('legend', {}, 'Address'),
      field({label: 'Street', name: 'address.line1', value: address.line1}),
      field({label: 'Street, second line', name: 'address.line2', value: address.line2}),
      h('div', {class: 'row'},
        field({label: 'City', name: 'address.city', value: address.city}),
        field({label: 'State or region', name: 'address.region', value: address.region})),
      h('div', {class: 'row'},
        field({label: 'Postal code', name: 'address.postalCode', value: address.postalCode}),
        field({label: 'Country', name: 'address.country', value: address.country, hint: 'Two letters, e.g. US.',
          attrs: {maxlength: 2, autocapitalize: 'characters'}}))),
    field({label: 'External ids', name: 'externalIds', type: 'textarea', value: externalIds,
      hint: 'One per line as key=value, e.g. licenseNumber=402R-00123.'}),
  ];
}

const orNull = value => (value === undefined || value === '' ? null : value);

export function nodeBody(values) {
  const address = {
    line1: orNull(values['address.line1']), line2: orNull(values['address.line2']),
    city: orNull(values['address.city']), region: orNull(values['address.region']),
    postalCode: orNull(values['address.postalCode']), country: orNull(values['address.country']),
  };
  const externalIds = {};
  for (const line of (values.externalIds || '').split('\n')) {
    const trimmed = line.trim();
    if (!trimmed) continue;
    const eq = trimmed.indexOf('=');
    // A line without '=' becomes a key with an empty value: the server then names the problem.
    externalIds[(eq < 0 ? trimmed : trimmed.slice(0, eq)).trim()] = eq < 0 ? '' : trimmed.slice(eq + 1).trim();
  }
  return {
    name: values.name,
    code: orNull(values.code),
    status: values.status || 'ACTIVE',
    timezone: orNull(values.timezone),
    address: Object.values(address).some(v => v !== null) ? address : null,
    externalIds,
  };
}

/** The body that PUT expects to keep a node as it is (used to change one attribute, e.g. the status). */
export function unchangedBody(node) {
  return {
    name: node.name, code: node.code ?? null, status: node.status, timezone: node.timezone ?? null,
    address: node.address ?? null, externalIds: node.externalIds || {},
  };
}
