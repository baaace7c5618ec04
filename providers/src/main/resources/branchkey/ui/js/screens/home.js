// Start page: who you are, in which role, and where you hold grants.

import {h} from '../dom.js';
import {nodeLink} from '../components/format.js';

export async function render(ctx) {
  const {session} = ctx;
  ctx.title('Start');
  const intro = session.isRealmAdmin
    ? h('p', {}, 'You are a realm admin of ', h('strong', {}, session.place.realm),
        ': you see the whole tenant tree and manage it through the admin API.')
    : h('p', {}, 'You see the places where you hold grants and everything below them. What you can change at each ' +
        'place depends on the permissions you hold there.');

  const places = session.isRealmAdmin
    ? h('section', {'aria-labelledby': 'start-tasks'},
        h('h2', {id: 'start-tasks'}, 'Get started'),
        h('ul', {class: 'task-list'},
          h('li', {}, h('a', {href: '#/nodes/new', id: 'new-root'}, 'Create a partner or an account at the top of the tree')),
          h('li', {}, h('a', {href: '#/role-groups'}, 'Edit role groups and templates')),
          h('li', {}, h('a', {href: '#/bulk'}, 'Assign users to locations in bulk')),
          h('li', {}, h('a', {href: '#/audit'}, 'Read the audit log of delegated changes')))) 
    : h('section', {'aria-labelledby': 'start-places'},
        h('h2', {id: 'start-places'}, 'Where you hold grants'),
        session.scopes.length
          ? h('ul', {class: 'scope-list', id: 'scope-list'}, session.scopes.map(scope => h('li', {},
              nodeLink(scope.node),
              h('details', {},
                h('summary', {}, `${scope.permissions.length} permission${scope.permissions.length === 1 ? '' : 's'} here`),
                h('ul', {class: 'key-list'}, scope.permissions.map(key => h('li', {}, h('code', {}, key))))))))
          : h('p', {}, 'You hold no grants yet. Ask your account manager for access.'));

  return [
    h('h1', {tabindex: '-1'}, `Welcome, ${session.auth.displayName()}`),
    intro,
    places,
    h('p', {class: 'muted'}, 'Choose a place in the tree to see its details, users, devices, override policy and audit log.'),
  ];
}
