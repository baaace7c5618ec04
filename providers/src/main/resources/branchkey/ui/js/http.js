// The one place that talks HTTP: adds the bearer token, sends and reads JSON, and turns every failure into an
// ApiError carrying the server's own message and the field it names.

export class ApiError extends Error {
  constructor(status, body) {
    super(messageOf(status, body));
    this.status = status;
    this.error = body && typeof body === 'object' ? body.error : undefined;
    this.field = body && typeof body === 'object' ? body.field : undefined;
    this.body = body;
  }
}

function messageOf(status, body) {
  if (body && typeof body === 'object') {
    const text = body.message || body.errorMessage || body.error_description || body.error;
    if (text) return String(text);
  }
  if (status === 401) return 'Your session has ended: sign in again.';
  if (status === 403) return 'You are not allowed to do this.';
  if (status === 404) return 'Not found (or not visible to you).';
  if (status === 0) return 'The server could not be reached.';
  return `The server answered ${status}.`;
}

/**
 * @param tokenSource async () => access token (kept in memory by keycloak-js only)
 */
export function createHttp(tokenSource) {
  async function request(method, url, body) {
    const headers = {Accept: 'application/json'};
    const token = await tokenSource();
    if (token) headers.Authorization = `Bearer ${token}`;
    const init = {method, headers, cache: 'no-store', credentials: 'omit'};
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    let response;
    try {
      response = await fetch(url, init);
    } catch (e) {
      throw new ApiError(0, null);
    }
    const text = response.status === 204 ? '' : await response.text();
    let data = null;
    if (text) {
      try {
        data = JSON.parse(text);
      } catch (e) {
        data = {message: text.slice(0, 300)};
      }
    }
    if (!response.ok) throw new ApiError(response.status, data);
    return data;
  }

  return {
    get: url => request('GET', url),
    post: (url, body) => request('POST', url, body === undefined ? {} : body),
    postEmpty: url => request('POST', url),
    put: (url, body) => request('PUT', url, body),
    del: url => request('DELETE', url),
  };
}

/** Builds a query string from the defined, non-empty values. */
export function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export const enc = encodeURIComponent;
