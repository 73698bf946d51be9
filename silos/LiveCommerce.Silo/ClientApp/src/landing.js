// The landing page, /: the streams from GET /api/streams (live first) with links to /watch/{id}.
import { $, h, replace, hueOf, initials } from './common/dom.js';
import { t, translatePage, formatDateTime } from './common/i18n.js';
import { api } from './common/api.js';
import { icon } from './common/icons.js';

async function load() {
  const host = $('#streams');
  try {
    const streams = await api('GET', '/api/streams');
    render(streams ?? []);
  } catch (error) {
    replace(host, h('p.empty.error', {}, error.message));
  }
}

function render(streams) {
  const live = streams.filter((s) => s.status === 'live');
  const upcoming = streams.filter((s) => s.status !== 'live' && s.status !== 'ended');
  const host = $('#streams');
  if (live.length === 0 && upcoming.length === 0) {
    replace(host, h('p.empty', {}, t('noStreams')));
    return;
  }
  replace(host,
    live.length > 0 ? section(t('liveNow'), live) : null,
    upcoming.length > 0 ? section(t('upcoming'), upcoming) : null);
}

function section(title, streams) {
  return h('section.stream-section', {},
    h('h2', {}, title),
    h('div.stream-grid', {}, streams.map(tile)));
}

function tile(stream) {
  const hue = hueOf(stream.id);
  const isLive = stream.status === 'live';
  return h('a.stream-tile', { href: `/watch/${encodeURIComponent(stream.id)}`, dataset: { streamId: stream.id, status: stream.status } },
    h('div.stream-cover', { style: `--hue:${hue}` },
      h('span.cover-initials', {}, initials(stream.title)),
      h('span', { class: `badge ${stream.status}` }, isLive ? t('live') : t(`status_${stream.status}`)),
      h('span.cover-play', {}, icon('play'))),
    h('div.stream-info', {},
      h('h3.stream-name', {}, stream.title),
      h('div.muted', {}, `@${stream.creatorId}`),
      h('div.muted.small', {}, isLive && stream.startedAt
        ? t('startedAgo', { time: formatDateTime(stream.startedAt) })
        : t('createdAt', { time: formatDateTime(stream.createdAt) }))));
}

translatePage();
load();
setInterval(load, 15_000);
