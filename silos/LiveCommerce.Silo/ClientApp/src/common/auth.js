// Tokens. The engine runs no login: in Development a demo token comes from /dev/token; otherwise the host
// platform hands one over, either in the address fragment (#token=<jwt>) or with
// window.postMessage({ type: 'livecommerce:token', token }). See docs/embedding.md.

const listeners = new Set();

/** The subject and roles of a JWT, read without checking (the engine checks it). */
export function readJwt(token) {
  try {
    const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const claims = JSON.parse(decodeURIComponent(escape(atob(part.padEnd(part.length + ((4 - (part.length % 4)) % 4), '=')))));
    const roles = [].concat(claims.role ?? claims.roles ?? claims['http://schemas.microsoft.com/ws/2008/06/identity/claims/role'] ?? []);
    return { sub: claims.sub ?? null, roles, exp: claims.exp ? new Date(claims.exp * 1000) : null };
  } catch {
    return null;
  }
}

/** A token store kept in sessionStorage under `key`. */
export class TokenStore {
  constructor(key) {
    this.key = key;
    this.token = null;
    try {
      const saved = sessionStorage.getItem(key);
      if (saved && !expired(saved)) this.token = saved;
    } catch {
      // Storage may be off (private mode, sandboxed frames): keep the token in memory only.
    }
  }

  get claims() {
    return this.token ? readJwt(this.token) : null;
  }

  /** Sets (or clears, with null) the token and tells the listeners. */
  set(token) {
    if (token === this.token) return;
    this.token = token || null;
    try {
      if (this.token) sessionStorage.setItem(this.key, this.token);
      else sessionStorage.removeItem(this.key);
    } catch {
      // See the constructor.
    }
    for (const listener of listeners) listener(this);
  }

  onChange(listener) {
    listeners.add(listener);
  }

  /**
   * Takes a token handed over by the host platform: #token=<jwt> in the address (removed from the
   * address bar at once), and later ones posted with window.postMessage({type:'livecommerce:token', token}).
   */
  acceptHandover() {
    const fragment = new URLSearchParams(location.hash.slice(1));
    const fromFragment = fragment.get('token');
    if (fromFragment) {
      fragment.delete('token');
      const rest = fragment.toString();
      history.replaceState(null, '', location.pathname + location.search + (rest ? `#${rest}` : ''));
      this.set(fromFragment);
    }
    window.addEventListener('message', (event) => {
      const data = event.data;
      if (data && typeof data === 'object' && data.type === 'livecommerce:token' && (typeof data.token === 'string' || data.token === null)) {
        this.set(data.token);
      }
    });
  }
}

function expired(token) {
  const claims = readJwt(token);
  return !claims || (claims.exp && claims.exp.getTime() < Date.now());
}

/** A random id for a demo user, e.g. viewer-k3f9x2. */
export function randomId(prefix) {
  const bytes = crypto.getRandomValues(new Uint8Array(4));
  return `${prefix}-${Array.from(bytes, (b) => b.toString(36).padStart(2, '0')).join('').slice(0, 6)}`;
}

/** Whether this engine issues demo tokens (it does only in Development). */
export async function devTokensAvailable() {
  try {
    const response = await fetch('/dev/token?sub=probe&role=viewer', { cache: 'no-store' });
    return response.ok;
  } catch {
    return false;
  }
}
