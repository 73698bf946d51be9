// Plays a stream's HLS in a <video>: hls.js (loaded on first use) where the browser has Media Source Extensions,
// the browser's own HLS otherwise (Safari). Live playback is tuned for low latency: the media server cuts 1-second
// fragments, and the player stays about 1.5 s behind the newest one, plays a little faster to catch up when it
// falls behind and jumps ahead past 4 s. A failed load or a stall is retried with a growing pause, so a video that
// pauses (the creator's encoder reconnecting) comes back by itself.

const LIVE_CONFIG = {
  lowLatencyMode: true,
  liveSyncDuration: 1.5,
  liveMaxLatencyDuration: 4,
  maxLiveSyncPlaybackRate: 1.25,
  maxBufferLength: 6,
  backBufferLength: 6,
  enableWorker: true,
};

const REPLAY_CONFIG = {
  maxBufferLength: 30,
  backBufferLength: 60,
  enableWorker: true,
};

let hlsModule = null;

function loadHls() {
  hlsModule ??= import('hls.js').then((module) => module.default);
  return hlsModule;
}

/** Whether this browser can play HLS through hls.js or natively. */
export async function canPlayHls() {
  const Hls = await loadHls().catch(() => null);
  if (Hls?.isSupported()) return true;
  return document.createElement('video').canPlayType('application/vnd.apple.mpegurl') !== '';
}

/**
 * A player bound to one <video> element.
 *   live        true for a live stream (low-latency settings), false for a replay
 *   onState(s)  "loading" | "playing" | "waiting" | "retrying" | "unsupported" | "stopped"
 */
export class VideoPlayer {
  constructor(video, { live = true, onState } = {}) {
    this.video = video;
    this.live = live;
    this.onState = onState ?? (() => {});
    this.url = null;
    this.hls = null;
    this.attempt = 0;
    this.retryTimer = null;
    this.stallTimer = null;
    this.stopped = true;
    video.muted = true;
    video.playsInline = true;
    video.autoplay = true;
    video.addEventListener('playing', () => {
      this.attempt = 0;
      this.setState('playing');
    });
    video.addEventListener('waiting', () => {
      if (!this.stopped) this.setState('waiting');
      this.watchStall();
    });
  }

  setState(state) {
    this.state = state;
    this.video.dataset.playerState = state;
    this.onState(state);
  }

  /** Starts playing `url` (again, when it is the current one and failed). */
  async play(url) {
    if (!this.stopped && url === this.url && this.state !== 'retrying') return;
    this.teardown();
    this.url = url;
    this.stopped = false;
    this.setState('loading');
    const Hls = await loadHls().catch(() => null);
    if (this.stopped || this.url !== url) return;
    if (Hls?.isSupported()) {
      const hls = new Hls(this.live ? LIVE_CONFIG : REPLAY_CONFIG);
      this.hls = hls;
      hls.on(Hls.Events.ERROR, (_, data) => {
        if (!data.fatal || hls !== this.hls) return;
        if (data.type === Hls.ErrorTypes.MEDIA_ERROR && this.attempt < 2) {
          this.attempt += 1;
          hls.recoverMediaError();
          return;
        }
        this.retry();
      });
      hls.on(Hls.Events.MANIFEST_PARSED, () => this.start());
      hls.loadSource(url);
      hls.attachMedia(this.video);
    } else if (this.video.canPlayType('application/vnd.apple.mpegurl')) {
      this.video.src = url;
      this.video.addEventListener('error', () => this.retry(), { once: true });
      this.start();
    } else {
      this.setState('unsupported');
    }
  }

  start() {
    const playing = this.video.play();
    playing?.catch(() => {
      // Autoplay needs the video muted; it is, unless the viewer turned the sound on and the browser then refused.
      this.video.muted = true;
      this.video.play().catch(() => {});
    });
  }

  /** A live video that waits too long for data is reloaded: its fragments may have moved on. */
  watchStall() {
    clearTimeout(this.stallTimer);
    if (!this.live || this.stopped) return;
    this.stallTimer = setTimeout(() => {
      if (!this.stopped && this.state === 'waiting') this.retry();
    }, 8000);
  }

  retry() {
    if (this.stopped) return;
    const url = this.url;
    this.teardown();
    this.stopped = false;
    this.url = url;
    this.attempt += 1;
    this.setState('retrying');
    const delay = Math.min(8000, 500 * 2 ** Math.min(this.attempt, 4));
    this.retryTimer = setTimeout(() => {
      if (!this.stopped && this.url === url) this.play(url);
    }, delay);
  }

  teardown() {
    clearTimeout(this.retryTimer);
    clearTimeout(this.stallTimer);
    this.retryTimer = null;
    if (this.hls) {
      this.hls.destroy();
      this.hls = null;
    }
    this.stopped = true;
  }

  /** Stops and lets go of the video. */
  stop() {
    this.teardown();
    this.url = null;
    this.attempt = 0;
    this.video.removeAttribute('src');
    this.video.load();
    this.setState('stopped');
  }
}
