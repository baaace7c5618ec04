// Words for what the APIs return; every state is written out (never shown by color alone).

import {h} from '../dom.js';

export const KIND_LABELS = {PARTNER: 'Partner', ACCOUNT: 'Account', REGION: 'Region', LOCATION: 'Location'};

/** What may be created below a node of each kind (docs/admin-api.md); null = at the top of the tree. */
export const CHILD_KINDS = {
  ROOT: ['PARTNER', 'ACCOUNT'],
  PARTNER: ['ACCOUNT'],
  ACCOUNT: ['REGION', 'LOCATION'],
  REGION: ['REGION', 'LOCATION'],
  LOCATION: [],
};

export function kindLabel(kind) {
  return KIND_LABELS[kind] || kind;
}

export function dateTime(ms) {
  if (ms === null || ms === undefined) return '—';
  return new Date(ms).toLocaleString(undefined, {dateStyle: 'medium', timeStyle: 'short'});
}

/** A node as a link: name, then kind and code in plain words. */
export function nodeLink(node, suffix = '') {
  if (!node) return h('span', {class: 'muted'}, 'a node you cannot see');
  return h('a', {href: `#/nodes/${encodeURIComponent(node.id)}${suffix}`, class: 'node-link'},
    node.name, ' ', h('span', {class: 'node-meta'}, `(${kindLabel(node.kind)}${node.code ? ', ' + node.code : ''})`));
}

export function statusBadge(status) {
  const suspended = status === 'SUSPENDED' || status === 'DISABLED';
  return h('span', {class: ['badge', suspended ? 'badge-warn' : 'badge-ok']}, suspended ? `⏸ ${titleCase(status)}` : `✓ ${titleCase(status)}`);
}

export function titleCase(text) {
  return text ? text.charAt(0) + text.slice(1).toLowerCase() : '';
}

export function userName(user) {
  if (!user) return '';
  const full = [user.firstName, user.lastName].filter(Boolean).join(' ');
  return full ? `${full} (${user.username})` : user.username;
}

/** Whether a grant is in force now, later, or over: written out, not colored. */
export function grantState(grant, now = Date.now()) {
  if (grant.startsAt && grant.startsAt > now) return 'Starts later';
  if (grant.endsAt && grant.endsAt <= now) return 'Ended';
  return 'Active';
}
