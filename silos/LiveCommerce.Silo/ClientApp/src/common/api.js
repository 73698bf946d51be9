// The engine's HTTP API. Errors are RFC 7807 problem details; they surface as ApiError with the
// problem's detail (and, for 400 validation problems, its errors by field).
import { t } from './i18n.js';

/** An HTTP error answered by the engine. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(describe(status, problem));
    this.status = status;
    this.problem = problem ?? {};
    this.errors = problem?.errors ?? null;
  }

  /** True when the endpoint is not there (yet): 404 or 405 on a route. */
  get notAvailable() {
    return this.status === 404 || this.status === 405;
  }
}

function describe(status, problem) {
  const parts = [];
  if (problem?.detail) parts.push(problem.detail);
  else if (problem?.title) parts.push(problem.title);
  else parts.push(`HTTP ${status}`);
  if (problem?.errors && typeof problem.errors === 'object') {
    for (const [field, messages] of Object.entries(problem.errors)) {
      parts.push(`${field}: ${[].concat(messages).join(' ')}`);
    }
  }
  return parts.join(' — ');
}

/** Calls the API; `token` is a JWT or null. Answers the parsed JSON body, or null for an empty one. */
export async function api(method, path, { body, token } = {}) {
  const headers = { Accept: 'application/json, application/problem+json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (error) {
    throw new ApiError(0, { detail: t('err_network', { message: error.message }) });
  }
  const text = await response.text();
  let payload = null;
  if (text) {
    try {
      payload = JSON.parse(text);
    } catch {
      payload = { detail: text.slice(0, 200) };
    }
  }
  if (!response.ok) {
    if (!payload?.detail && !payload?.title) {
      payload = { ...(payload ?? {}), title: response.status === 401 ? 'Sign in first (401).' : response.status === 403 ? 'Not allowed (403).' : `HTTP ${response.status}` };
    }
    throw new ApiError(response.status, payload);
  }
  return payload;
}

/** Gets a demo token from /dev/token (Development only). */
export function devToken(sub, roles) {
  return api('GET', `/dev/token?sub=${encodeURIComponent(sub)}&role=${encodeURIComponent(roles)}`);
}
