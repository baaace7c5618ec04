// Hash routes (#/nodes/<id>/users, …): the page itself is one file, so a reload or a shared link needs no server
// routing. Each route names a screen module's render function.

const routes = [];

export function route(pattern, render) {
  const names = [];
  const regex = new RegExp('^' + pattern.replace(/:([a-zA-Z]+)/g, (_, name) => {
    names.push(name);
    return '([^/]+)';
  }) + '$');
  routes.push({regex, names, render});
}

export function currentRoute() {
  const hash = location.hash.startsWith('#/') ? location.hash.slice(1) : '/';
  const [path, search] = hash.split('?');
  return {path, query: new URLSearchParams(search || '')};
}

export function navigate(path) {
  if (location.hash === '#' + path) {
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    location.hash = path;
  }
}

export function startRouter(onRoute) {
  async function dispatch() {
    // Anchors that are not routes (none are used today) leave the current screen alone.
    if (location.hash && !location.hash.startsWith('#/')) return;
    const {path, query} = currentRoute();
    for (const r of routes) {
      const match = r.regex.exec(path);
      if (match) {
        const params = {};
        r.names.forEach((name, i) => { params[name] = decodeURIComponent(match[i + 1]); });
        await onRoute(r.render, params, query, path);
        return;
      }
    }
    await onRoute(null, {}, query, path);
  }
  window.addEventListener('hashchange', dispatch);
  return dispatch();
}
