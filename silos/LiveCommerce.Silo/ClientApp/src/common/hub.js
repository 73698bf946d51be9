// The viewers' hub, /hubs/live, with a connection that never gives up: automatic reconnects with a
// policy that keeps retrying (backing off to 10 s), a retry loop for the first start and for a closed
// connection, and a rejoin of the stream after every (re)connect, re-rendered from the fresh snapshot.
import { HubConnectionBuilder, HubConnectionState, LogLevel } from '@microsoft/signalr';

const foreverPolicy = {
  nextRetryDelayInMilliseconds(context) {
    const base = Math.min(10_000, 500 * 2 ** Math.min(context.previousRetryCount, 5));
    return base / 2 + Math.random() * (base / 2);
  },
};

/** The text of a hub error: HubException messages arrive as "An unexpected error occurred invoking 'X' on the server. HubException: <message>". */
export function hubErrorMessage(error) {
  const text = String(error?.message ?? error ?? '');
  const marker = 'HubException:';
  const at = text.indexOf(marker);
  return (at >= 0 ? text.slice(at + marker.length) : text).trim() || 'Error';
}

/**
 * A live connection to one stream.
 *   getToken()            the current JWT or null (anonymous)
 *   onSnapshot(snapshot, token)  after every join (first connect, reconnect, restart), with the token it used
 *   onState(state)        "connecting" | "connected" | "reconnecting" | "offline"
 *   onJoinError(error)    the join was refused (unknown stream …)
 */
export class LiveConnection {
  constructor(streamId, { getToken, onSnapshot, onState, onJoinError }) {
    this.streamId = streamId;
    this.getToken = getToken;
    this.onSnapshot = onSnapshot;
    this.onState = onState ?? (() => {});
    this.onJoinError = onJoinError ?? (() => {});
    this.handlers = [];
    this.stopped = false;
    this.connection = null;
    this.starting = null;
  }

  /** Registers an event handler (kept across restarts). */
  on(event, handler) {
    this.handlers.push([event, handler]);
    this.connection?.on(event, handler);
    return this;
  }

  build() {
    const connection = new HubConnectionBuilder()
      .withUrl('/hubs/live', {
        accessTokenFactory: () => {
          this.tokenInUse = this.getToken() ?? null;
          return this.tokenInUse ?? '';
        },
      })
      .withAutomaticReconnect(foreverPolicy)
      .configureLogging(LogLevel.Warning)
      .build();
    connection.serverTimeoutInMilliseconds = 30_000;
    connection.keepAliveIntervalInMilliseconds = 10_000;
    for (const [event, handler] of this.handlers) connection.on(event, handler);
    connection.onreconnecting(() => this.onState('reconnecting'));
    connection.onreconnected(() => this.join());
    connection.onclose(() => {
      if (!this.stopped && this.connection === connection) {
        this.onState('offline');
        setTimeout(() => this.start(), 2000);
      }
    });
    return connection;
  }

  /** Connects (retrying until it succeeds) and joins the stream. */
  start() {
    if (this.starting) return this.starting;
    this.stopped = false;
    this.starting = (async () => {
      let attempt = 0;
      while (!this.stopped) {
        if (!this.connection || this.connection.state === HubConnectionState.Disconnected) {
          this.connection = this.build();
        }
        this.onState('connecting');
        try {
          if (this.connection.state === HubConnectionState.Disconnected) await this.connection.start();
          await this.join();
          return;
        } catch (error) {
          attempt += 1;
          this.onState('offline');
          console.warn('hub connect failed', error);
          await new Promise((resolve) => setTimeout(resolve, foreverPolicy.nextRetryDelayInMilliseconds({ previousRetryCount: attempt })));
        }
      }
    })().finally(() => {
      this.starting = null;
    });
    return this.starting;
  }

  async join() {
    try {
      const snapshot = await this.connection.invoke('JoinStream', this.streamId);
      this.onState('connected');
      this.onSnapshot(snapshot, this.tokenInUse ?? null);
    } catch (error) {
      this.onState('connected');
      this.onJoinError(error);
    }
  }

  /** Reconnects with the current token (after signing in or out) and rejoins. */
  async restart() {
    const old = this.connection;
    this.connection = null;
    if (old) {
      this.stopped = true;
      await old.stop().catch(() => {});
    }
    if (this.starting) await this.starting.catch(() => {});
    this.stopped = false;
    return this.start();
  }

  /**
   * Calls a hub method; throws an Error with the HubException's message. The error's `fromServer` is true when the
   * engine answered the call with a HubException, false when the call or its answer was lost on the way.
   */
  async invoke(method, ...args) {
    if (!this.connection || this.connection.state !== HubConnectionState.Connected) {
      const error = new Error(this.connection?.state === HubConnectionState.Reconnecting ? 'Reconnecting…' : 'Not connected yet.');
      error.fromServer = false;
      throw error;
    }
    try {
      return await this.connection.invoke(method, ...args);
    } catch (error) {
      const wrapped = new Error(hubErrorMessage(error));
      wrapped.fromServer = String(error?.message ?? '').includes('HubException:');
      throw wrapped;
    }
  }

  get connected() {
    return this.connection?.state === HubConnectionState.Connected;
  }
}
