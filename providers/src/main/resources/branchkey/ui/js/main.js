// Entry point: sign in, ask the server who the user is (realm admin or delegated manager), then run the screens.

import {locate, signIn} from './auth.js';
import {createHttp} from './http.js';
import {createApi, detectRealmAdmin} from './api.js';
import {createSession} from './session.js';
import {route, startRouter} from './router.js';
import {h, fill} from './dom.js';
import {createTree} from './components/tree.js';
import * as home from './screens/home.js';
import * as node from './screens/node.js';
import * as nodeCreate from './screens/node-create.js';
import * as user from './screens/user.js';
import * as roleGroups from './screens/role-groups.js';
import * as roleGroupEditor from './screens/role-group-editor.js';
import * as bulk from './screens/bulk.js';
import * as audit from './screens/audit.js';

const main = document.getElementById('main');

async function start() {
  const place = locate(window.location);
  const auth = await signIn(place);
  const http = createHttp(() => auth.token());
  const isRealmAdmin = await detectRealmAdmin(http, place);
  const api = createApi(http, place, isRealmAdmin);
  const scopes = isRealmAdmin ? [] : await api.scopes();
  const session = createSession(auth, api, place, scopes);

  document.getElementById('realm-name').textContent = place.realm;
  document.getElementById('who').textContent = auth.displayName();
  document.getElementById('mode').textContent = isRealmAdmin ? 'Realm admin' : 'Manager';
  document.getElementById('sign-out').addEventListener('click', () => auth.signOut());
  document.getElementById('skip-link').addEventListener('click', () => main.focus());
  document.getElementById('tree-toggle').addEventListener('click', toggleSidebar);
  document.body.classList.add('signed-in');

  const tree = createTree(session, document.getElementById('sidebar-content'));
  const ctx = {session, api, tree, title: text => { document.title = `${text} · Branchkey admin`; }};

  route('/', home.render);
  route('/nodes/new', nodeCreate.render);
  route('/nodes/:id', node.render);
  route('/nodes/:id/:tab', node.render);
  route('/users/:id', user.render);
  route('/role-groups', roleGroups.render);
  route('/role-groups/new', roleGroupEditor.render);
  route('/role-groups/:id', roleGroupEditor.render);
  route('/bulk', bulk.render);
  route('/audit', audit.render);

  const treeReady = tree.refresh();
  await startRouter(async (render, params, query, path) => {
    markNav(path);
    if (!path.startsWith('/nodes/')) tree.setCurrent(null);
    main.setAttribute('aria-busy', 'true');
    try {
      const content = render ? await render(ctx, params, query) : notFound();
      fill(main, content);
    } catch (error) {
      fill(main, h('h1', {tabindex: '-1'}, 'Something went wrong'),
        h('p', {class: 'form-error', role: 'alert'}, error.message || String(error)));
    } finally {
      main.setAttribute('aria-busy', 'false');
      main.dataset.route = path;
    }
    const heading = main.querySelector('h1');
    if (heading && document.body.dataset.ready) heading.focus();
    document.body.dataset.ready = 'true';
  });
  await treeReady;
}

function notFound() {
  return [h('h1', {tabindex: '-1'}, 'Not found'), h('p', {}, 'There is no such page. ', h('a', {href: '#/'}, 'Go to the start.'))];
}

function markNav(path) {
  document.querySelectorAll('.topnav a').forEach(link => {
    const target = link.getAttribute('href').slice(1);
    const current = target === '/' ? path === '/' || path.startsWith('/nodes') || path.startsWith('/users')
      : path.startsWith(target);
    if (current) link.setAttribute('aria-current', 'page'); else link.removeAttribute('aria-current');
  });
}

function toggleSidebar() {
  const button = document.getElementById('tree-toggle');
  const open = button.getAttribute('aria-expanded') !== 'true';
  button.setAttribute('aria-expanded', String(open));
  document.getElementById('sidebar').classList.toggle('open', open);
}

start().catch(error => {
  fill(main, h('h1', {tabindex: '-1'}, 'Branchkey admin could not start'),
    h('p', {class: 'form-error', role: 'alert'}, error && error.message ? error.message : String(error)));
  main.setAttribute('aria-busy', 'false');
});
