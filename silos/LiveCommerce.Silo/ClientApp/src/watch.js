// The viewer page, /watch/{streamId}: the video with its overlays (pinned product, flash offers with a
// countdown, live auctions, giveaways and voucher drops, chat, reactions, viewer count), the product list, the cart drawer, checkout and the order
// confirmation. Anonymous viewers watch; buying, commenting and reacting need a token. The live video is the
// media server's HLS, played with low latency while the engine says it is live; an ended stream plays as a
// shoppable replay: its recording, with each product card at its moment (at list price) and a timeline to jump to.
import { $, h, replace, productImage } from './common/dom.js';
import { t, translatePage, formatNumber, formatTime } from './common/i18n.js';
import { formatMoney, parseMajor, toMajorString } from './common/money.js';
import { toast } from './common/toast.js';
import { icon } from './common/icons.js';
import { TokenStore, randomId, devTokensAvailable, readJwt } from './common/auth.js';
import { api, devToken } from './common/api.js';
import { LiveConnection } from './common/hub.js';
import { VideoPlayer } from './common/player.js';
import {
  nextBid, bidsText, winnersText, discountText, msUntil, laterTime, verifySeed,
} from './common/promos.js';

const REACTIONS = ['like', 'heart', 'fire', 'clap'];
const ENDED_OFFER_VISIBLE_MS = 6000;
const MAX_CHAT = 60;
const MAX_LINE_QUANTITY = 99;

const streamId = readStreamId();
const tokens = new TokenStore('livecommerce.viewer.token');

const state = {
  snapshot: null,
  status: 'connecting',
  products: new Map(), // productId → ProductCard
  pinned: null,
  offers: new Map(), // offerId → { offer, endedReason, endedAt, claiming }
  claims: new Map(), // offerId → { reservationId, expiresAt, offer }
  auctions: new Map(), // auctionId → { auction, result, bidding, seq, extensions, extendedBy, extendedAt }
  giveaways: new Map(), // giveawayId → { giveaway, result, entering, verified }
  vouchers: new Map(), // voucherId → { voucher, endedReason, claiming }
  cart: { items: [], total: { amount: 0, currency: '' }, subtotal: null, discount: null, voucherId: null },
  checkingOut: false,
  cartBusy: false,
  devTokens: false,
  video: { status: 'offline', playbackUrl: null }, // the engine's StreamVideo
  hadVideo: false,
  replay: null, // StreamReplay of an ended stream, once read
  replayRequested: false,
  moment: null, // replay: { productId, kind } of the card shown now
  momentShown: false, // whether the card of `moment` is the one on screen
};

let player = null; // the VideoPlayer of the live video or the replay

function readStreamId() {
  const match = /^\/watch\/([^/]+)/.exec(location.pathname);
  if (match) return decodeURIComponent(match[1]);
  return new URLSearchParams(location.search).get('stream') ?? 'demo';
}

// ---------------------------------------------------------------- connection

const live = new LiveConnection(streamId, {
  getToken: () => tokens.token,
  onSnapshot: renderSnapshot,
  onState: renderConnectionState,
  onJoinError: (error) => {
    const message = String(error?.message ?? error);
    if (/no stream|not found|unknown/i.test(message)) showOverlay(t('notFound'));
    else toast(hubMessage(error));
  },
});

function hubMessage(error) {
  const text = String(error?.message ?? error ?? '');
  const at = text.indexOf('HubException:');
  return at >= 0 ? text.slice(at + 13).trim() : text;
}

live
  .on('ProductPinned', (card) => {
    if (card.streamId && card.streamId !== streamId) return;
    state.products.set(card.productId, { ...state.products.get(card.productId), ...card });
    state.pinned = card;
    renderPinned(true);
    renderProducts();
  })
  .on('ProductUnpinned', (event) => {
    if (event?.streamId && event.streamId !== streamId) return;
    state.pinned = null;
    renderPinned();
  })
  .on('OfferStarted', (offer) => {
    if (offer.streamId && offer.streamId !== streamId) return;
    state.offers.set(offer.id, { offer, endedReason: offer.status === 'ended' ? 'expired' : null, endedAt: null });
    renderOffers();
  })
  .on('OfferUpdated', (event) => {
    const entry = state.offers.get(event.offerId);
    if (!entry) return;
    entry.offer = { ...entry.offer, remaining: event.remaining };
    updateOfferElement(entry);
  })
  .on('OfferEnded', (event) => {
    const entry = state.offers.get(event.offerId);
    if (!entry) return;
    endOffer(entry, event.reason ?? 'expired');
  })
  .on('ViewerCount', (event) => {
    if (event?.streamId && event.streamId !== streamId) return;
    renderViewers(event.count);
  })
  .on('CommentPosted', (event) => {
    if (event?.streamId && event.streamId !== streamId) return;
    addComment(event);
  })
  .on('AuctionStarted', (auction) => {
    if (auction.streamId && auction.streamId !== streamId) return;
    state.auctions.set(auction.id, auctionEntry(auction, state.auctions.get(auction.id)));
    renderAuctions();
  })
  .on('BidPlaced', (event) => {
    const entry = state.auctions.get(event.auctionId);
    if (entry && !entry.result) applyBidPlaced(entry, event);
  })
  .on('AuctionEnded', (event) => {
    const entry = state.auctions.get(event.auctionId);
    if (entry) endAuction(entry, event);
  })
  .on('GiveawayStarted', (giveaway) => {
    if (giveaway.streamId && giveaway.streamId !== streamId) return;
    state.giveaways.set(giveaway.id, giveawayEntry(giveaway, state.giveaways.get(giveaway.id)));
    renderGiveaways();
  })
  .on('GiveawayUpdated', (event) => {
    const entry = state.giveaways.get(event.giveawayId);
    if (!entry || entry.result) return;
    entry.giveaway = { ...entry.giveaway, entrants: Math.max(entry.giveaway.entrants ?? 0, event.entrants ?? 0) };
    updateGiveawayElement(entry);
  })
  .on('GiveawayEnded', (event) => {
    const entry = state.giveaways.get(event.giveawayId);
    if (entry) endGiveaway(entry, event);
  })
  .on('VoucherDropped', (voucher) => {
    if (voucher.streamId && voucher.streamId !== streamId) return;
    state.vouchers.set(voucher.id, { voucher, endedReason: null, claiming: false });
    renderVouchers();
  })
  .on('VoucherUpdated', (event) => {
    const entry = state.vouchers.get(event.voucherId);
    if (!entry) return;
    entry.voucher = { ...entry.voucher, remaining: event.remaining };
    updateVoucherElement(entry);
  })
  .on('VoucherEnded', (event) => {
    const entry = state.vouchers.get(event.voucherId);
    if (entry) endVoucher(entry, event.reason ?? 'expired');
  })
  .on('CartUpdated', (cart) => applyCart(cart))
  .on('StreamEnded', (event) => {
    if (event?.streamId && event.streamId !== streamId) return;
    state.status = 'ended';
    renderStatus();
  })
  .on('VideoStatus', (event) => {
    if (event?.streamId && event.streamId !== streamId) return;
    state.video = { status: event.status, playbackUrl: event.playbackUrl ?? null };
    renderVideo();
  });

// ---------------------------------------------------------------- snapshot

function renderSnapshot(snapshot, token) {
  state.snapshot = snapshot;
  // Who the hub connection joined as (tests and the host platform can wait for it after a sign-in).
  document.body.dataset.joinedAs = (token && readJwt(token)?.sub) || '';
  state.status = snapshot.status;
  state.products = new Map((snapshot.products ?? []).map((card) => [card.productId, card]));
  state.pinned = snapshot.pinned ?? null;
  if (state.pinned) state.products.set(state.pinned.productId, { ...state.products.get(state.pinned.productId), ...state.pinned });

  const fresh = new Map();
  for (const offer of snapshot.offers ?? []) {
    const previous = state.offers.get(offer.id);
    fresh.set(offer.id, { offer, endedReason: offer.status === 'ended' ? 'expired' : null, endedAt: null, claiming: previous?.claiming });
  }
  // Offers that ended while the connection was away are gone from the snapshot: drop them.
  state.offers = fresh;

  document.title = `${snapshot.title} · LiveCommerce`;
  $('#title').textContent = snapshot.title;
  $('#creator').textContent = `@${snapshot.creatorId}`;
  replace($('#avatar'), (snapshot.creatorId ?? '?').slice(0, 1).toUpperCase());
  state.video = snapshot.video ?? { status: 'offline', playbackUrl: null };
  state.momentShown = false;
  renderViewers(snapshot.viewerCount ?? 0);
  renderStatus();
  renderVideo();
  renderPinned();
  renderOffers();
  applyPromoSnapshot(snapshot);
  renderProducts();
  renderCart();
  // The cart is the engine's: read it after every join, so a reconnect shows what the engine kept.
  if (token) refreshCart();
}

// ---------------------------------------------------------------- video

/** What the stage shows: the live video, the replay, a video address of the stream's own, or a placeholder. */
function videoMode() {
  if (state.status === 'ended') {
    if (state.replay?.playbackUrl) return { mode: 'replay', url: state.replay.playbackUrl };
    return { mode: state.replay ? 'ended' : 'loading-replay', url: null };
  }
  if (state.video?.status === 'live' && state.video.playbackUrl) return { mode: 'live', url: state.video.playbackUrl };
  if (state.snapshot?.videoUrl) return { mode: 'url', url: state.snapshot.videoUrl };
  return { mode: 'waiting', url: null };
}

function renderVideo() {
  const host = $('#video');
  const { mode, url } = videoMode();
  if (mode === 'live') state.hadVideo = true;
  const key = `${mode}|${url ?? ''}`;
  if (host.dataset.key === key) return;
  host.dataset.key = key;
  host.dataset.mode = mode;
  $('#stage').dataset.video = mode;
  $('#unmute').hidden = true;
  if (mode === 'live' || mode === 'replay') {
    let video = host.querySelector('video#player');
    const live = mode === 'live';
    if (!video || player?.live !== live) {
      player?.stop();
      video = h('video', { id: 'player', muted: true, playsInline: true, autoplay: true, preload: 'auto' });
      if (!live) video.addEventListener('timeupdate', applyReplayMoment);
      if (!live) video.addEventListener('seeked', applyReplayMoment);
      video.addEventListener('playing', () => { $('#unmute').hidden = !video.muted; });
      video.addEventListener('play', renderReplayToggle);
      video.addEventListener('pause', renderReplayToggle);
      video.addEventListener('volumechange', () => { $('#unmute').hidden = !video.muted; });
      replace(host, video, h('div.video-state', { id: 'video-state', hidden: true }));
      player = new VideoPlayer(video, { live, onState: renderPlayerState });
      state.momentShown = false;
    }
    player.play(url);
    renderReplayTimeline();
    return;
  }
  player?.stop();
  player = null;
  renderReplayTimeline();
  if (mode === 'url') {
    if (/\.(mp4|webm|ogv|ogg|mov|m4v|m3u8)(\?|#|$)/i.test(url) || /\/(hls|dash)\//i.test(url)) {
      replace(host, h('video', { src: url, autoplay: true, muted: true, loop: true, playsInline: true, controls: true, preload: 'auto' }));
    } else {
      replace(host, h('iframe', {
        src: url,
        title: 'video',
        allow: 'autoplay; encrypted-media; picture-in-picture; fullscreen',
        allowfullscreen: true,
        referrerpolicy: 'strict-origin-when-cross-origin',
      }));
    }
    return;
  }
  const text = mode === 'ended' ? t('streamEnded')
    : mode === 'loading-replay' ? t('replayLoading')
      : state.status === 'scheduled' ? t('videoScheduled')
        : state.hadVideo ? t('videoPaused') : t('noVideo');
  replace(host, h('div.video-placeholder', { id: 'video-placeholder' },
    h('div.pulse-ring', {}, icon('play', 'icon big')),
    h('p', {}, text)));
}

function renderPlayerState(playerState) {
  const label = { loading: t('videoConnecting'), waiting: t('videoBuffering'), retrying: t('videoReconnecting'), unsupported: t('videoUnsupported') }[playerState];
  const element = $('#video-state');
  if (!element) return;
  element.hidden = !label;
  element.textContent = label ?? '';
}

function unmute() {
  const video = $('#player');
  if (!video) return;
  video.muted = false;
  video.play().catch(() => {});
  $('#unmute').hidden = true;
}

// ---------------------------------------------------------------- shoppable replay

async function loadReplay() {
  if (state.replayRequested) return;
  state.replayRequested = true;
  try {
    state.replay = await api('GET', `/api/streams/${encodeURIComponent(streamId)}/replay`);
  } catch (error) {
    state.replayRequested = false;
    if (error.status === 0 || error.status >= 500 || error.status === 429) {
      setTimeout(loadReplay, 3000);
      return;
    }
    state.replay = { playbackUrl: null, timeline: [], durationSeconds: 0 };
  }
  renderStatus();
  renderVideo();
}

/** The card to show at `seconds` of the replay: the pinned product, else a product whose offer or auction was running. */
function momentAt(seconds) {
  let pinned = null;
  const running = new Map();
  for (const moment of state.replay?.timeline ?? []) {
    if (moment.offsetSeconds > seconds + 0.05) break;
    switch (moment.kind) {
      case 'pinned': pinned = moment.productId; break;
      case 'unpinned': pinned = null; break;
      case 'offerStarted': case 'auctionStarted': running.set(moment.productId, moment.kind); break;
      case 'offerEnded': case 'auctionEnded': running.delete(moment.productId); break;
      default: break;
    }
  }
  if (pinned) return { productId: pinned, kind: 'pinned' };
  const last = [...running.entries()].pop();
  return last ? { productId: last[0], kind: last[1] } : null;
}

function applyReplayMoment() {
  const video = $('#player');
  if (!video || !state.replay) return;
  const moment = momentAt(video.currentTime);
  const same = state.momentShown && moment?.productId === state.moment?.productId && moment?.kind === state.moment?.kind;
  state.moment = moment;
  state.momentShown = true;
  if (!same) {
    const card = moment ? state.products.get(moment.productId) : null;
    state.pinned = card ? { ...card, streamId, momentKind: moment.kind } : null;
    renderPinned(Boolean(card));
    renderProducts();
  }
  const seek = $('#replay-seek');
  if (seek && document.activeElement !== seek) {
    if (Number.isFinite(video.duration) && video.duration > 0) seek.max = String(video.duration);
    seek.value = String(video.currentTime);
  }
  for (const chip of document.querySelectorAll('#replay-timeline .replay-chip')) {
    const offset = Number(chip.dataset.offset);
    chip.classList.toggle('past', offset <= video.currentTime + 0.05);
    chip.classList.toggle('current', chip.dataset.productId === moment?.productId && chip.dataset.kind === moment?.kind && offset <= video.currentTime + 0.05);
  }
}

function renderReplayTimeline() {
  const host = $('#replay-timeline');
  const replay = state.replay;
  const show = videoMode().mode === 'replay';
  host.hidden = !show;
  if (!show) return;
  if (host.dataset.rendered === 'true') return;
  host.dataset.rendered = 'true';
  const starts = (replay.timeline ?? []).filter((m) => m.kind === 'pinned' || m.kind === 'offerStarted' || m.kind === 'auctionStarted');
  const seek = h('input.replay-seek', {
    id: 'replay-seek', type: 'range', min: '0', max: String(Math.max(1, replay.durationSeconds ?? 0)), step: '0.1', value: '0',
    'aria-label': t('replay'),
    oninput: (event) => seekReplay(Number(event.target.value)),
  });
  replace(host,
    h('div.replay-head', {}, h('span.badge.replay', {}, t('replay')), h('span.muted.small', {}, t('replayHint'))),
    h('div.replay-progress', {}, h('button.icon-btn.plain.small', { type: 'button', id: 'replay-toggle', onclick: toggleReplay }, icon('play', 'icon tiny')), seek),
    starts.length === 0
      ? h('p.muted.small', {}, t('replayNoProducts'))
      : h('div.replay-chips', {}, starts.map((moment) => {
        const card = state.products.get(moment.productId) ?? { productId: moment.productId, name: moment.productId };
        return h('button.replay-chip', {
          type: 'button',
          dataset: { offset: String(moment.offsetSeconds), productId: moment.productId, kind: moment.kind },
          title: card.name,
          onclick: () => seekReplay(moment.offsetSeconds),
        },
        productImage(card, 'replay-thumb'),
        h('span.replay-chip-text', {},
          h('span.replay-chip-name', {}, card.name),
          h('span.replay-chip-time', {}, moment.kind === 'pinned' ? formatOffset(moment.offsetSeconds) : `${formatOffset(moment.offsetSeconds)} · ${t('flashSale')}`)));
      })));
}

function renderReplayToggle() {
  const video = $('#player');
  const toggle = $('#replay-toggle');
  if (!video || !toggle) return;
  replace(toggle, icon(video.paused ? 'play' : 'pause', 'icon tiny'));
}

function toggleReplay() {
  const video = $('#player');
  if (!video) return;
  if (video.paused) video.play().catch(() => {});
  else video.pause();
}

function seekReplay(seconds) {
  const video = $('#player');
  if (!video) return;
  video.currentTime = Math.max(0, seconds);
  video.play().catch(() => {});
  applyReplayMoment();
}

function formatOffset(seconds) {
  const whole = Math.max(0, Math.floor(seconds));
  const minutes = Math.floor(whole / 60);
  const rest = String(whole % 60).padStart(2, '0');
  return minutes >= 60 ? `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}

function renderViewers(count) {
  replace($('#viewers'), icon('eye'), h('span', { id: 'viewer-count' }, formatNumber(count ?? 0)));
  $('#viewers').title = t('viewers', { count: formatNumber(count ?? 0) });
}

function renderStatus() {
  const badge = $('#status-badge');
  const stage = $('#stage');
  stage.dataset.status = state.status;
  const replaying = state.status === 'ended' && Boolean(state.replay?.playbackUrl);
  badge.className = `badge ${replaying ? 'replay' : state.status}`;
  badge.textContent = replaying ? t('replay') : state.status === 'live' ? t('live') : t(`status_${state.status}`);
  if (state.status === 'ended') {
    loadReplay();
    if (state.replay && !replaying) showOverlay(t('streamEnded'));
    else $('#ended').hidden = true;
    for (const entry of state.offers.values()) {
      if (!entry.endedReason) endOffer(entry, 'expired');
    }
    tickPromos();
  } else {
    $('#ended').hidden = true;
  }
}

function showOverlay(text) {
  $('#ended-text').textContent = text;
  $('#ended').hidden = false;
}

function renderConnectionState(connection) {
  const element = $('#conn-state');
  const label = { connecting: t('connecting'), reconnecting: t('reconnecting'), offline: t('offline') }[connection];
  element.hidden = !label;
  element.dataset.state = connection;
  element.textContent = label ?? '';
  document.body.dataset.connection = connection;
}

// ---------------------------------------------------------------- pinned product and product list

function renderPinned(animate = false) {
  const element = $('#pinned');
  const card = state.pinned;
  if (!card) {
    element.hidden = true;
    delete element.dataset.productId;
    element.replaceChildren();
    return;
  }
  const current = state.products.get(card.productId) ?? card;
  element.dataset.productId = card.productId;
  replace(element,
    h('button.pinned-main', { type: 'button', onclick: () => openProduct(card.productId) },
      productImage(current, 'pinned-thumb'),
      h('div.pinned-text', {},
        h('span.pinned-label', {}, icon(card.momentKind === 'offerStarted' || card.momentKind === 'auctionStarted' ? 'bolt' : 'pin', 'icon tiny'),
          card.momentKind === 'offerStarted' ? t('fromFlashSale') : card.momentKind === 'auctionStarted' ? t('fromAuction') : t('pinned')),
        h('span.pinned-name', {}, current.name),
        h('span.pinned-price', {}, formatMoney(current.price)))),
    h('button.btn.primary.small.pinned-add', {
      type: 'button',
      disabled: !canBuy(current),
      onclick: () => addToCart(card.productId, 1),
    }, icon('cart', 'icon tiny'), h('span', {}, t('buy'))));
  element.hidden = false;
  if (animate) {
    element.classList.remove('pop');
    void element.offsetWidth;
    element.classList.add('pop');
  }
}

function canBuy(card) {
  // A replay sells its products at their list price; an ended stream without a replay sells nothing more.
  return (state.status !== 'ended' || videoMode().mode === 'replay') && (card?.stock ?? 0) > 0;
}

function renderProducts() {
  const list = $('#product-list');
  const cards = [...state.products.values()];
  if (cards.length === 0) {
    replace(list, h('p.empty', {}, t('noProducts')));
    return;
  }
  replace(list, cards.map((card) => h('article.product-card', {
    dataset: { productId: card.productId },
    class: state.pinned?.productId === card.productId ? 'is-pinned' : '',
  },
  h('button.product-open', { type: 'button', onclick: () => openProduct(card.productId) },
    productImage(card),
    h('div.product-text', {},
      h('span.product-name', {}, card.name),
      h('span.product-price', {}, formatMoney(card.price)),
      h('span.product-stock', {}, card.stock > 0 ? t('inStock', { count: formatNumber(card.stock) }) : t('outOfStock')))),
  h('button.icon-btn.add', {
    type: 'button',
    title: t('addToCart'),
    'aria-label': t('addToCart'),
    disabled: !canBuy(card),
    onclick: () => addToCart(card.productId, 1),
  }, icon('plus')))));
}

function openProduct(productId) {
  const card = state.products.get(productId);
  if (!card) return;
  if (live.connected) live.invoke('ViewProduct', streamId, productId).catch(() => {});
  let quantity = 1;
  const count = h('span.qty-value', {}, '1');
  const drawer = $('#product-drawer');
  replace(drawer,
    h('div.sheet-handle', { 'aria-hidden': 'true' }),
    h('div.side-head', {},
      h('h2', {}, card.name),
      h('button.icon-btn.plain', { type: 'button', title: t('close'), onclick: closeDrawers }, icon('close'))),
    h('div.product-detail', {},
      productImage(card, 'detail-image'),
      h('div.detail-price', {}, formatMoney(card.price)),
      h('div.muted', {}, card.stock > 0 ? t('inStock', { count: formatNumber(card.stock) }) : t('outOfStock')),
      card.category ? h('span.chip', {}, card.category) : null),
    h('div.cart-foot', {},
      h('div.qty', {},
        h('span', {}, t('quantity')),
        h('button.icon-btn.plain', { type: 'button', onclick: () => { quantity = Math.max(1, quantity - 1); count.textContent = quantity; } }, '−'),
        count,
        h('button.icon-btn.plain', { type: 'button', onclick: () => { quantity = Math.min(card.stock || 1, quantity + 1); count.textContent = quantity; } }, '+')),
      h('button.btn.primary.wide', {
        type: 'button',
        disabled: !canBuy(card),
        onclick: async () => {
          if (await addToCart(productId, quantity)) closeDrawers();
        },
      }, t('addToCart'))));
  openDrawer(drawer);
}

// ---------------------------------------------------------------- flash offers

function renderOffers() {
  const host = $('#offers');
  const shown = new Set();
  for (const entry of state.offers.values()) {
    shown.add(entry.offer.id);
    let element = host.querySelector(`[data-offer-id="${CSS.escape(entry.offer.id)}"]`);
    if (!element) {
      element = buildOfferElement(entry);
      host.append(element);
    }
    updateOfferElement(entry);
  }
  for (const element of [...host.children]) {
    if (!shown.has(element.dataset.offerId)) element.remove();
  }
}

function buildOfferElement(entry) {
  const { offer } = entry;
  const card = state.products.get(offer.productId) ?? { name: offer.name, productId: offer.productId };
  const discount = offer.originalPrice?.amount > 0
    ? Math.round((1 - offer.price.amount / offer.originalPrice.amount) * 100)
    : 0;
  return h('article.offer', { dataset: { offerId: offer.id, state: 'active' } },
    h('div.offer-flag', {}, icon('bolt', 'icon tiny'), h('span', {}, t('flashSale')),
      discount > 0 ? h('span.offer-discount', {}, `-${discount}%`) : null),
    h('div.offer-body', {},
      productImage(card, 'offer-thumb'),
      h('div.offer-text', {},
        h('div.offer-name', {}, offer.name),
        h('div.offer-prices', {},
          h('span.offer-price', {}, formatMoney(offer.price)),
          offer.originalPrice && offer.originalPrice.amount !== offer.price.amount ? h('s.offer-original', {}, formatMoney(offer.originalPrice)) : null),
        h('div.offer-meter', {}, h('div.offer-meter-fill')),
        h('div.offer-meta', {},
          h('span.offer-left', {}),
          h('span.offer-countdown', {}, icon('clock', 'icon tiny'), h('span.offer-time', {}))))),
    h('button.btn.offer-claim', { type: 'button', onclick: () => claim(offer.id) }, t('claim')));
}

function updateOfferElement(entry) {
  const element = $(`#offers [data-offer-id="${CSS.escape(entry.offer.id)}"]`);
  if (!element) return;
  const { offer } = entry;
  const msLeft = new Date(offer.endsAt).getTime() - Date.now();
  if (!entry.endedReason && msLeft <= 0) {
    // The countdown ends the offer on screen; the engine's OfferEnded follows.
    endOffer(entry, 'expired', false);
  }
  const ended = Boolean(entry.endedReason);
  const soldOut = !ended && offer.remaining <= 0;
  element.dataset.state = ended ? 'ended' : soldOut ? 'sold-out' : 'active';
  element.querySelector('.offer-left').textContent = t('left', { count: formatNumber(Math.max(0, offer.remaining)) });
  const fill = offer.quantity > 0 ? Math.max(0, Math.min(1, offer.remaining / offer.quantity)) : 0;
  element.querySelector('.offer-meter-fill').style.transform = `scaleX(${fill})`;
  element.querySelector('.offer-time').textContent = ended ? '0:00' : formatCountdown(msLeft);
  element.classList.toggle('urgent', !ended && msLeft < 10_000);
  const button = element.querySelector('.offer-claim');
  const claimed = state.claims.has(offer.id);
  if (ended) {
    button.textContent = entry.endedReason === 'soldOut' ? t('soldOut') : entry.endedReason === 'cancelled' ? t('offerCancelled') : t('offerEnded');
  } else if (soldOut) {
    button.textContent = t('soldOut');
  } else if (entry.claiming) {
    button.textContent = t('claiming');
  } else if (claimed) {
    button.textContent = t('claimed');
  } else {
    button.textContent = t('claim');
  }
  button.disabled = ended || soldOut || Boolean(entry.claiming) || state.status === 'ended';
  button.classList.toggle('claimed', claimed && !ended);
}

function endOffer(entry, reason, fromServer = true) {
  if (entry.endedReason && !fromServer) return;
  if (entry.endedReason && fromServer && entry.endedReason !== 'expired') return;
  entry.endedReason = reason;
  entry.endedAt = Date.now();
  updateOfferElement(entry);
  const id = entry.offer.id;
  setTimeout(() => {
    const current = state.offers.get(id);
    if (current === entry) {
      state.offers.delete(id);
      const element = $(`#offers [data-offer-id="${CSS.escape(id)}"]`);
      if (element) {
        element.classList.add('leaving');
        setTimeout(() => element.remove(), 400);
      }
    }
  }, ENDED_OFFER_VISIBLE_MS);
}

function formatCountdown(ms) {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(seconds / 60);
  const rest = String(seconds % 60).padStart(2, '0');
  return minutes >= 60 ? `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}

setInterval(() => {
  for (const entry of state.offers.values()) updateOfferElement(entry);
  tickPromos();
  renderHolds();
}, 250);

async function claim(offerId) {
  const entry = state.offers.get(offerId);
  if (!entry || !requireSignIn()) return;
  entry.claiming = true;
  updateOfferElement(entry);
  try {
    const result = await live.invoke('ClaimOffer', streamId, offerId);
    switch (result?.status) {
      case 'reserved':
        state.claims.set(offerId, { reservationId: result.reservationId, expiresAt: result.expiresAt, offer: entry.offer });
        newCheckoutAttempt();
        renderCart();
        refreshCart({ quiet: true });
        toast(t('holdUntil', { time: result.expiresAt ? formatTime(result.expiresAt) : '' }), 'ok');
        openCart();
        break;
      case 'soldOut':
        toast(t('soldOut'), 'info');
        break;
      case 'ended':
        toast(t('offerGone'), 'info');
        endOffer(entry, 'expired', false);
        break;
      case 'limitReached':
        toast(t('limitReached'), 'info');
        break;
      case 'notFound':
        toast(t('offerNotFound'), 'info');
        break;
      default:
        toast(t('err_generic'));
    }
  } catch (error) {
    toast(error.message);
  } finally {
    entry.claiming = false;
    updateOfferElement(entry);
  }
}

// ---------------------------------------------------------------- live auctions, giveaways and vouchers
// The engine runs them and decides every outcome; the page shows their state from the events and the answers of
// PlaceBid / EnterGiveaway / ClaimVoucher. What a signed-in viewer did here (bid, entered, claimed) is kept in
// sessionStorage per stream and user, so a reload still says "Outbid", "You're in" and "Claimed".

const ENDED_AUCTION_VISIBLE_MS = 15_000;
const ENDED_GIVEAWAY_VISIBLE_MS = 60_000;
const ENDED_VOUCHER_VISIBLE_MS = 6000;
const EXTENDED_VISIBLE_MS = 4000;
const MAX_MONEY = 1_000_000_000_000;

const me = () => tokens.claims?.sub ?? null;

let mine = emptyMine();

function emptyMine() {
  return { bids: [], entered: [], claimed: {}, spent: {}, vouchers: {} };
}

function mineKey() {
  const sub = me();
  return sub ? `livecommerce.promos.${streamId}.${sub}` : null;
}

function loadMine() {
  mine = emptyMine();
  const key = mineKey();
  if (!key) return;
  try {
    const saved = JSON.parse(sessionStorage.getItem(key) ?? 'null');
    if (saved && typeof saved === 'object') mine = { ...mine, ...saved };
  } catch {
    // Memory only.
  }
}

function saveMine() {
  const key = mineKey();
  if (!key) return;
  try {
    sessionStorage.setItem(key, JSON.stringify(mine));
  } catch {
    // Memory only.
  }
}

/** What a held cart line came from, by its offerId: "auction" or "giveaway" (kept per user, across streams). */
function heldKinds() {
  const sub = me();
  if (!sub) return {};
  try {
    return JSON.parse(sessionStorage.getItem(`livecommerce.heldKinds.${sub}`) ?? '{}') ?? {};
  } catch {
    return {};
  }
}

function rememberKind(id, kind) {
  const sub = me();
  if (!sub) return;
  try {
    sessionStorage.setItem(`livecommerce.heldKinds.${sub}`, JSON.stringify({ ...heldKinds(), [id]: kind }));
  } catch {
    // Memory only.
  }
}

/** Removes an ended card after a while (or at once with ms 0), unless a newer entry took its place. */
function retire(map, id, entry, selector, ms) {
  const drop = () => {
    if (map.get(id) !== entry) return;
    map.delete(id);
    const element = $(selector);
    if (element) {
      element.classList.add('leaving');
      setTimeout(() => element.remove(), 400);
    }
  };
  if (ms <= 0) drop();
  else setTimeout(drop, ms);
}

function dismissButton(onclick) {
  return h('button.icon-btn.plain.small.promo-dismiss', { type: 'button', title: t('dismiss'), 'aria-label': t('dismiss'), onclick }, icon('close', 'icon tiny'));
}

// ----- auctions

function auctionEntry(auction, previous) {
  return {
    auction,
    result: auction.status === 'ended'
      ? previous?.result ?? {
        reason: auction.endReason ?? (auction.winnerId ? 'sold' : 'noBids'),
        winnerId: auction.winnerId ?? null,
        price: auction.price ?? auction.currentBid ?? null,
      }
      : null,
    bidding: previous?.bidding ?? false,
    seq: previous?.seq ?? 0,
    extensions: previous?.extensions ?? 0,
    extendedBy: previous?.extendedBy ?? 0,
    extendedAt: previous?.extendedAt ?? 0,
  };
}

const auctionSelector = (id) => `#auctions [data-auction-id="${CSS.escape(id)}"]`;

function renderAuctions() {
  const host = $('#auctions');
  for (const entry of state.auctions.values()) {
    if (!$(auctionSelector(entry.auction.id))) host.append(buildAuctionElement(entry));
    updateAuctionElement(entry);
  }
  for (const element of [...host.children]) {
    if (!state.auctions.has(element.dataset.auctionId)) element.remove();
  }
}

function buildAuctionElement(entry) {
  const { auction } = entry;
  const card = state.products.get(auction.productId) ?? { name: auction.name, productId: auction.productId };
  const maxInput = h('input.promo-input', { type: 'text', inputmode: 'decimal', 'aria-label': t('maxBid'), dataset: { testid: 'auction-max-input' } });
  const maxForm = h('form.auction-max', { hidden: true, novalidate: true },
    maxInput,
    h('button.btn.small', { type: 'submit', dataset: { testid: 'auction-max-submit' } }, t('bidUpTo')),
    h('p.auction-max-hint', {}, t('maxBidHint')));
  maxForm.addEventListener('submit', (event) => {
    event.preventDefault();
    bidUpTo(auction.id, maxInput.value);
  });
  return h('article.promo.auction', { dataset: { auctionId: auction.id, state: 'active', testid: 'auction-card' } },
    h('div.promo-flag', {}, icon('gavel', 'icon tiny'), h('span', {}, t('auction')),
      h('span.promo-chips'),
      h('span.auction-bids', { dataset: { testid: 'auction-bids' } })),
    h('div.promo-body', {},
      productImage(card, 'offer-thumb'),
      h('div.promo-text', {},
        h('div.offer-name', {}, auction.name ?? card.name),
        h('div.auction-price-row', {},
          h('span.auction-label'),
          h('span.auction-current', { dataset: { testid: 'auction-current-bid' } })),
        h('div.offer-meta', {},
          h('span.auction-notice', { dataset: { testid: 'auction-notice' } }),
          h('span.offer-countdown.auction-countdown', { dataset: { testid: 'auction-countdown' } },
            icon('clock', 'icon tiny'), h('span.auction-time'))))),
    h('div.promo-actions', {},
      h('span.auction-extended', { hidden: true, dataset: { testid: 'auction-extended' } }),
      h('button.btn.promo-button.auction-bid', { type: 'button', dataset: { testid: 'auction-bid' }, onclick: () => bidNext(auction.id) }),
      h('button.link.auction-max-toggle', {
        type: 'button',
        onclick: () => {
          maxForm.hidden = !maxForm.hidden;
          if (!maxForm.hidden) {
            const current = state.auctions.get(auction.id)?.auction;
            const next = current ? nextBid(current) : null;
            if (next && !maxInput.value) maxInput.value = toMajorString(next);
            maxInput.focus();
          }
        },
      }, t('maxBid'))),
    maxForm,
    h('div.promo-result', { hidden: true, dataset: { testid: 'auction-result' } }));
}

/** "leading", "outbid" (the viewer bid here and someone else leads) or "none". */
function viewerAuctionStatus(auction) {
  const sub = me();
  if (!sub) return 'none';
  if (auction.leaderId === sub) return 'leading';
  return mine.bids.includes(auction.id) ? 'outbid' : 'none';
}

function auctionResultText(result) {
  const sub = me();
  switch (result.reason) {
    case 'sold':
      return result.winnerId && result.winnerId === sub
        ? t('auctionWonYou', { price: formatMoney(result.price) })
        : t('auctionSoldTo', { user: result.winnerId ?? '?', price: formatMoney(result.price) });
    case 'noBids': return t('auctionNoBids');
    case 'reserveNotMet': return t('auctionReserveNotMet');
    case 'cancelled': return t('auctionCancelled');
    default: return t('auctionOver');
  }
}

function updateAuctionElement(entry) {
  const element = $(auctionSelector(entry.auction.id));
  if (!element) return;
  const { auction, result } = entry;
  const ended = Boolean(result);
  const msLeft = msUntil(auction.endsAt);
  const status = viewerAuctionStatus(auction);
  element.dataset.state = ended ? 'ended' : 'active';
  element.dataset.myStatus = status;
  element.dataset.endsAt = auction.endsAt ?? '';
  element.dataset.extensions = String(entry.extensions);
  element.dataset.leaderId = auction.leaderId ?? '';

  const chips = [];
  if (auction.suddenDeath) chips.push(h('span.promo-chip', {}, t('suddenDeath')));
  if (auction.reservePrice) {
    const met = auction.currentBid && auction.currentBid.amount >= auction.reservePrice.amount;
    chips.push(h('span.promo-chip', { dataset: { reserve: met ? 'met' : 'not-met' } }, met ? t('reserveMet') : t('reserveNotMet')));
  }
  replace(element.querySelector('.promo-chips'), chips);
  element.querySelector('.auction-bids').textContent = bidsText(auction.bids ?? 0);
  element.querySelector('.auction-label').textContent = auction.currentBid ? t('currentBid') : t('startingBid');
  const shown = auction.currentBid ?? auction.startingBid;
  const current = element.querySelector('.auction-current');
  current.textContent = formatMoney(shown);
  current.dataset.amount = String(shown?.amount ?? 0);

  const notice = element.querySelector('.auction-notice');
  notice.dataset.notice = status;
  notice.hidden = ended;
  notice.textContent = status === 'leading' ? t('winning')
    : status === 'outbid' ? t('outbid')
      : auction.leaderId ? t('leaderIs', { user: auction.leaderId }) : t('noBidsYet');

  const countdown = element.querySelector('.auction-countdown');
  element.querySelector('.auction-time').textContent = ended ? '0:00' : msLeft <= 0 ? t('closing') : formatCountdown(msLeft);
  const extended = !ended && entry.extendedAt > 0 && Date.now() - entry.extendedAt < EXTENDED_VISIBLE_MS;
  countdown.classList.toggle('extended', extended);
  element.classList.toggle('urgent', !ended && msLeft > 0 && msLeft < 10_000 && !extended);
  const badge = element.querySelector('.auction-extended');
  badge.hidden = !extended;
  badge.textContent = extended ? t('extended', { seconds: entry.extendedBy }) : '';
  element.dataset.extended = String(extended);

  const next = nextBid(auction);
  const button = element.querySelector('.auction-bid');
  button.textContent = entry.bidding ? t('bidding') : t('bidAmount', { amount: formatMoney(next) });
  button.dataset.amount = String(next?.amount ?? 0);
  button.disabled = ended || entry.bidding || msLeft <= 0 || state.status === 'ended';
  element.querySelector('.promo-actions').hidden = ended;
  if (ended) element.querySelector('.auction-max').hidden = true;

  const resultElement = element.querySelector('.promo-result');
  resultElement.hidden = !ended;
  if (ended && resultElement.dataset.reason !== result.reason) {
    const won = Boolean(result.winnerId) && result.winnerId === me();
    resultElement.dataset.reason = result.reason;
    resultElement.dataset.won = String(won);
    replace(resultElement,
      h('div.promo-result-text', {}, h('strong', {}, won ? icon('check', 'icon tiny') : null, auctionResultText(result))),
      dismissButton(() => retire(state.auctions, auction.id, entry, auctionSelector(auction.id), 0)));
  }
}

/** An auction's end moved later (a bid inside the anti-snipe window): show it on the countdown. */
function noteExtension(entry, before) {
  const moved = new Date(entry.auction.endsAt).getTime() - new Date(before).getTime();
  if (!(moved >= 500)) return;
  entry.extensions += 1;
  entry.extendedBy = Math.max(1, Math.round(moved / 1000));
  entry.extendedAt = Date.now();
}

function applyBidPlaced(entry, event) {
  const { auction } = entry;
  // Folded or late events: one with fewer bids than the page already shows is older.
  if (typeof event.bids === 'number' && typeof auction.bids === 'number' && event.bids < auction.bids) return;
  const sub = me();
  const wasLeading = Boolean(sub) && auction.leaderId === sub;
  const before = auction.endsAt;
  entry.auction = {
    ...auction,
    currentBid: event.currentBid ?? auction.currentBid,
    leaderId: event.leaderId ?? auction.leaderId,
    bids: event.bids ?? auction.bids,
    nextBid: event.nextBid ?? null,
    endsAt: laterTime(before, event.endsAt),
  };
  entry.seq += 1;
  noteExtension(entry, before);
  if (wasLeading && entry.auction.leaderId !== sub) {
    toast(t('outbidToast', { amount: formatMoney(entry.auction.currentBid) }), 'info', 3000);
  }
  updateAuctionElement(entry);
}

function endAuction(entry, event) {
  if (entry.result) return;
  entry.result = { reason: event.reason ?? 'noBids', winnerId: event.winnerId ?? null, price: event.price ?? null };
  // The final price and winner replace what the last bid showed (the price may be the reserve).
  entry.auction = {
    ...entry.auction,
    status: 'ended',
    winnerId: event.winnerId ?? null,
    leaderId: event.winnerId ?? entry.auction.leaderId,
    currentBid: event.price ?? entry.auction.currentBid,
  };
  if (event.winnerId && event.winnerId === me()) {
    rememberKind(entry.auction.id, 'auction');
    toast(t('auctionWonYou', { price: formatMoney(event.price) }), 'ok');
    // The engine sends CartUpdated with the won unit; read the cart as well, in case that was missed.
    setTimeout(() => refreshCart({ quiet: true }), 500);
  }
  updateAuctionElement(entry);
  const id = entry.auction.id;
  $(auctionSelector(id))?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  retire(state.auctions, id, entry, auctionSelector(id), ENDED_AUCTION_VISIBLE_MS);
}

function bidNext(auctionId) {
  const entry = state.auctions.get(auctionId);
  const next = entry ? nextBid(entry.auction) : null;
  if (next) placeBid(auctionId, next.amount);
}

function bidUpTo(auctionId, text) {
  const entry = state.auctions.get(auctionId);
  if (!entry) return;
  const next = nextBid(entry.auction);
  const amount = parseMajor(text, next.currency);
  if (amount === null || amount < next.amount || amount > MAX_MONEY) {
    toast(t('tooLow', { amount: formatMoney(next) }), 'info');
    return;
  }
  placeBid(auctionId, amount);
}

async function placeBid(auctionId, amount) {
  const entry = state.auctions.get(auctionId);
  if (!entry || entry.bidding || !requireSignIn()) return;
  entry.bidding = true;
  const seq = entry.seq;
  updateAuctionElement(entry);
  try {
    const answer = await live.invoke('PlaceBid', streamId, auctionId, amount);
    if (answer?.status === 'leading' || answer?.status === 'outbid') {
      if (!mine.bids.includes(auctionId)) mine.bids.push(auctionId);
      saveMine();
    }
    const before = entry.auction.endsAt;
    if (answer?.endsAt) entry.auction = { ...entry.auction, endsAt: laterTime(entry.auction.endsAt, answer.endsAt) };
    if (answer?.currentBid && (!entry.auction.currentBid || answer.currentBid.amount > entry.auction.currentBid.amount)) {
      entry.auction = { ...entry.auction, currentBid: answer.currentBid, nextBid: null };
    }
    // The answer is newer than what the page shows only when no BidPlaced came in meanwhile.
    const fresh = entry.seq === seq;
    switch (answer?.status) {
      case 'leading':
        if (fresh) entry.auction = { ...entry.auction, leaderId: me() };
        toast(t('bidLeading'), 'ok', 2500);
        break;
      case 'outbid':
        toast(t('bidOutbidNow'), 'info');
        break;
      case 'tooLow':
        toast(t('tooLow', { amount: formatMoney(nextBid(entry.auction)) }), 'info');
        break;
      case 'ended':
        toast(t('auctionOver'), 'info');
        break;
      case 'notFound':
        toast(t('auctionNotFound'), 'info');
        break;
      default:
        toast(t('err_generic'));
    }
    noteExtension(entry, before);
  } catch (error) {
    toast(error.message);
  } finally {
    entry.bidding = false;
    updateAuctionElement(entry);
  }
}

// ----- giveaways

function giveawayEntry(giveaway, previous) {
  const ended = giveaway.status === 'ended' && Array.isArray(giveaway.winnerIds);
  return {
    giveaway,
    result: previous?.result ?? (ended ? { winnerIds: giveaway.winnerIds, entrants: giveaway.entrants, seed: giveaway.seed ?? null, reason: giveaway.endReason ?? null } : null),
    entering: previous?.entering ?? false,
    verified: previous?.verified,
  };
}

const giveawaySelector = (id) => `#giveaways [data-giveaway-id="${CSS.escape(id)}"]`;

function renderGiveaways() {
  const host = $('#giveaways');
  for (const entry of state.giveaways.values()) {
    if (!$(giveawaySelector(entry.giveaway.id))) host.append(buildGiveawayElement(entry));
    updateGiveawayElement(entry);
  }
  for (const element of [...host.children]) {
    if (!state.giveaways.has(element.dataset.giveawayId)) element.remove();
  }
}

function buildGiveawayElement(entry) {
  const { giveaway } = entry;
  const card = state.products.get(giveaway.productId) ?? { name: giveaway.name, productId: giveaway.productId };
  return h('article.promo.giveaway', { dataset: { giveawayId: giveaway.id, state: 'active', testid: 'giveaway-card' } },
    h('div.promo-flag', {}, icon('gift', 'icon tiny'), h('span', {}, t('giveaway')),
      h('span.giveaway-winners', { dataset: { testid: 'giveaway-winners' } })),
    h('div.promo-body', {},
      productImage(card, 'offer-thumb'),
      h('div.promo-text', {},
        h('div.offer-name', {}, giveaway.name ?? card.name),
        h('div.giveaway-prices', {},
          h('span.giveaway-free', {}, t('free')),
          card.price ? h('s.offer-original', {}, formatMoney(card.price)) : null),
        h('div.offer-meta', {},
          h('span.giveaway-entrants', { dataset: { testid: 'giveaway-entrants' } }),
          h('span.offer-countdown', { dataset: { testid: 'giveaway-countdown' } }, icon('clock', 'icon tiny'), h('span.giveaway-time'))))),
    h('div.promo-actions', {},
      h('button.btn.promo-button.giveaway-enter', { type: 'button', dataset: { testid: 'giveaway-enter' }, onclick: () => enterGiveaway(giveaway.id) })),
    h('details.fair-draw', { dataset: { testid: 'giveaway-fair' } },
      h('summary', {}, icon('shield', 'icon tiny'), h('span', {}, t('fairDraw'))),
      h('p.fair-hint', {}, t('fairDrawHint')),
      h('div.fair-row', {}, h('span.fair-label', {}, t('commitment')),
        h('code.hex', { dataset: { testid: 'giveaway-commitment' } }, giveaway.commitment ?? '')),
      h('div.fair-row.fair-seed', { hidden: true }, h('span.fair-label', {}, t('seed')),
        h('code.hex', { dataset: { testid: 'giveaway-seed' } })),
      h('div.fair-verified', { hidden: true, dataset: { testid: 'giveaway-verified' } })),
    h('div.promo-result', { hidden: true, dataset: { testid: 'giveaway-result' } }));
}

function updateGiveawayElement(entry) {
  const element = $(giveawaySelector(entry.giveaway.id));
  if (!element) return;
  const { giveaway, result } = entry;
  const ended = Boolean(result);
  const entered = mine.entered.includes(giveaway.id);
  const msLeft = msUntil(giveaway.endsAt);
  element.dataset.state = ended ? 'ended' : 'active';
  element.dataset.entered = String(entered);
  element.querySelector('.giveaway-winners').textContent = winnersText(giveaway.winners ?? 1);
  const entrants = result?.entrants ?? giveaway.entrants ?? 0;
  const count = element.querySelector('.giveaway-entrants');
  count.textContent = t('entrants', { count: formatNumber(entrants) });
  count.dataset.count = String(entrants);
  element.querySelector('.giveaway-time').textContent = ended ? '0:00' : msLeft <= 0 ? t('closing') : formatCountdown(msLeft);
  element.classList.toggle('urgent', !ended && msLeft > 0 && msLeft < 10_000);

  const button = element.querySelector('.giveaway-enter');
  button.textContent = entry.entering ? t('entering') : entered ? t('entered') : t('enter');
  button.classList.toggle('entered', entered);
  button.disabled = ended || entered || entry.entering || msLeft <= 0 || state.status === 'ended';
  element.querySelector('.promo-actions').hidden = ended;

  const seedRow = element.querySelector('.fair-seed');
  const verified = element.querySelector('.fair-verified');
  const resultElement = element.querySelector('.promo-result');
  resultElement.hidden = !ended;
  if (!ended) return;
  seedRow.hidden = !result.seed;
  seedRow.querySelector('code').textContent = result.seed ?? '';
  verified.hidden = entry.verified === undefined || entry.verified === null;
  verified.dataset.verified = String(entry.verified);
  verified.classList.toggle('bad', entry.verified === false);
  replace(verified, entry.verified === true ? icon('check', 'icon tiny') : null, entry.verified === true ? t('seedVerified') : entry.verified === false ? t('seedMismatch') : '');
  if (resultElement.dataset.rendered === 'true') return;
  resultElement.dataset.rendered = 'true';
  element.querySelector('.fair-draw').open = true;
  const winners = result.winnerIds ?? [];
  const won = Boolean(me()) && winners.includes(me());
  resultElement.dataset.won = String(won);
  const headline = result.reason === 'cancelled' ? t('giveawayCancelled')
    : won ? t('giveawayYouWon')
      : winners.length === 0 ? t('giveawayNoEntrants')
        : entered ? t('giveawayNotYou') : null;
  replace(resultElement,
    h('div.promo-result-text', {},
      headline ? h('strong', {}, won ? icon('gift', 'icon tiny') : null, headline) : null,
      winners.length > 0 ? h('span.giveaway-winner-list', { dataset: { testid: 'giveaway-winner-list' } },
        t('giveawayWinnersAre', { users: winners.map((id) => (id === me() ? `${id} (${t('you')})` : id)).join(', ') })) : null),
    dismissButton(() => retire(state.giveaways, giveaway.id, entry, giveawaySelector(giveaway.id), 0)));
}

function endGiveaway(entry, event) {
  if (entry.result) return;
  entry.result = {
    winnerIds: event.winnerIds ?? [],
    entrants: event.entrants ?? entry.giveaway.entrants ?? 0,
    seed: event.seed ?? null,
    reason: event.reason ?? null,
  };
  entry.giveaway = { ...entry.giveaway, status: 'ended', winnerIds: entry.result.winnerIds, seed: entry.result.seed };
  const id = entry.giveaway.id;
  if (me() && entry.result.winnerIds.includes(me())) {
    rememberKind(id, 'giveaway');
    toast(t('giveawayYouWon'), 'ok');
    setTimeout(() => refreshCart({ quiet: true }), 500);
  }
  updateGiveawayElement(entry);
  $(giveawaySelector(id))?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  verifySeed(entry.result.seed, entry.giveaway.commitment).then((verified) => {
    entry.verified = verified;
    updateGiveawayElement(entry);
  });
  retire(state.giveaways, id, entry, giveawaySelector(id), ENDED_GIVEAWAY_VISIBLE_MS);
}

async function enterGiveaway(giveawayId) {
  const entry = state.giveaways.get(giveawayId);
  if (!entry || entry.entering || !requireSignIn()) return;
  entry.entering = true;
  updateGiveawayElement(entry);
  try {
    const answer = await live.invoke('EnterGiveaway', streamId, giveawayId);
    switch (answer?.status) {
      case 'entered':
      case 'already':
        if (!mine.entered.includes(giveawayId)) mine.entered.push(giveawayId);
        saveMine();
        if (answer.status === 'entered') toast(t('enteredToast'), 'ok', 2500);
        break;
      case 'ended':
        toast(t('giveawayOver'), 'info');
        break;
      case 'notFound':
        toast(t('giveawayNotFound'), 'info');
        break;
      default:
        toast(t('err_generic'));
    }
  } catch (error) {
    toast(error.message);
  } finally {
    entry.entering = false;
    updateGiveawayElement(entry);
  }
}

// ----- vouchers

const voucherSelector = (id) => `#vouchers [data-voucher-id="${CSS.escape(id)}"]`;

function renderVouchers() {
  const host = $('#vouchers');
  for (const entry of state.vouchers.values()) {
    if (!$(voucherSelector(entry.voucher.id))) host.append(buildVoucherElement(entry));
    updateVoucherElement(entry);
  }
  for (const element of [...host.children]) {
    if (!state.vouchers.has(element.dataset.voucherId)) element.remove();
  }
}

function buildVoucherElement(entry) {
  const { voucher } = entry;
  return h('article.promo.voucher', { dataset: { voucherId: voucher.id, state: 'active', testid: 'voucher-banner' } },
    h('div.voucher-icon', {}, icon('ticket')),
    h('div.voucher-text', {},
      h('strong.voucher-discount', { dataset: { testid: 'voucher-discount' } }, discountText(voucher.discount)),
      h('span.voucher-min', {}, voucher.minSpend?.amount > 0 ? t('minSpend', { amount: formatMoney(voucher.minSpend) }) : t('voucher')),
      h('span.voucher-meta', {},
        h('span.voucher-left', { dataset: { testid: 'voucher-remaining' } }),
        h('span.voucher-countdown', {}, icon('clock', 'icon tiny'), h('span.voucher-time')))),
    h('button.btn.voucher-claim', { type: 'button', dataset: { testid: 'voucher-claim' }, onclick: () => claimVoucher(voucher.id) }));
}

/** How many of this voucher the viewer claimed (at least 1 when the cart uses it). */
function claimedCount(voucherId) {
  const count = Number(mine.claimed[voucherId] ?? 0);
  return state.cart?.voucherId === voucherId ? Math.max(1, count) : count;
}

function updateVoucherElement(entry) {
  const element = $(voucherSelector(entry.voucher.id));
  if (!element) return;
  const { voucher } = entry;
  const msLeft = msUntil(voucher.endsAt);
  if (!entry.endedReason && msLeft <= 0) endVoucher(entry, 'expired', false);
  const ended = Boolean(entry.endedReason);
  const soldOut = !ended && (voucher.remaining ?? 1) <= 0;
  const claimed = claimedCount(voucher.id);
  const limit = voucher.perViewerLimit ?? 1;
  element.dataset.state = ended ? 'ended' : soldOut ? 'sold-out' : 'active';
  element.dataset.claimed = String(claimed > 0);
  const left = element.querySelector('.voucher-left');
  left.textContent = t('left', { count: formatNumber(Math.max(0, voucher.remaining ?? 0)) });
  left.dataset.count = String(voucher.remaining ?? 0);
  element.querySelector('.voucher-time').textContent = ended ? '0:00' : formatCountdown(msLeft);
  const button = element.querySelector('.voucher-claim');
  let label;
  if (entry.claiming) label = t('claimingVoucher');
  else if (claimed >= limit) label = t('voucherClaimed');
  else if (ended) label = entry.endedReason === 'soldOut' ? t('voucherSoldOut') : t('voucherEnded');
  else if (soldOut) label = t('voucherSoldOut');
  else if (claimed > 0) label = t('claimAgain', { count: claimed, limit });
  else label = t('claimVoucher');
  button.textContent = label;
  button.classList.toggle('claimed', claimed > 0);
  button.disabled = ended || soldOut || entry.claiming || claimed >= limit || state.status === 'ended';
}

function endVoucher(entry, reason, fromServer = true) {
  if (entry.endedReason && (!fromServer || entry.endedReason !== 'expired')) return;
  entry.endedReason = reason;
  updateVoucherElement(entry);
  const id = entry.voucher.id;
  retire(state.vouchers, id, entry, voucherSelector(id), ENDED_VOUCHER_VISIBLE_MS);
}

async function claimVoucher(voucherId) {
  const entry = state.vouchers.get(voucherId);
  if (!entry || entry.claiming || !requireSignIn()) return;
  entry.claiming = true;
  updateVoucherElement(entry);
  try {
    const answer = await live.invoke('ClaimVoucher', streamId, voucherId);
    switch (answer?.status) {
      case 'claimed':
        mine.claimed[voucherId] = Number(mine.claimed[voucherId] ?? 0) + 1;
        mine.vouchers[voucherId] = entry.voucher;
        saveMine();
        toast(t('voucherClaimedToast', { amount: formatMoney(entry.voucher.minSpend) }), 'ok');
        refreshCart({ quiet: true });
        break;
      case 'limitReached':
        mine.claimed[voucherId] = Math.max(Number(mine.claimed[voucherId] ?? 0), entry.voucher.perViewerLimit ?? 1);
        mine.vouchers[voucherId] = entry.voucher;
        saveMine();
        toast(t('voucherLimit'), 'info');
        break;
      case 'soldOut':
        entry.voucher = { ...entry.voucher, remaining: 0 };
        toast(t('voucherSoldOut'), 'info');
        break;
      case 'ended':
        toast(t('voucherOver'), 'info');
        endVoucher(entry, 'expired', false);
        break;
      case 'notFound':
        toast(t('voucherNotFound'), 'info');
        break;
      default:
        toast(t('err_generic'));
    }
  } catch (error) {
    toast(error.message);
  } finally {
    entry.claiming = false;
    updateVoucherElement(entry);
    renderCart();
  }
}

function renderPromos() {
  renderVouchers();
  renderAuctions();
  renderGiveaways();
}

function tickPromos() {
  for (const entry of state.auctions.values()) updateAuctionElement(entry);
  for (const entry of state.giveaways.values()) updateGiveawayElement(entry);
  for (const entry of state.vouchers.values()) updateVoucherElement(entry);
}

/** Takes the snapshot's running auctions, giveaways and vouchers, keeping what the page knows of each. */
function applyPromoSnapshot(snapshot) {
  const auctions = new Map();
  for (const auction of snapshot.auctions ?? []) auctions.set(auction.id, auctionEntry(auction, state.auctions.get(auction.id)));
  // Results on screen stay until their time is up; running ones the snapshot no longer lists ended while away.
  for (const [id, entry] of state.auctions) if (entry.result && !auctions.has(id)) auctions.set(id, entry);
  state.auctions = auctions;

  const giveaways = new Map();
  for (const giveaway of snapshot.giveaways ?? []) giveaways.set(giveaway.id, giveawayEntry(giveaway, state.giveaways.get(giveaway.id)));
  for (const [id, entry] of state.giveaways) if (entry.result && !giveaways.has(id)) giveaways.set(id, entry);
  state.giveaways = giveaways;

  const vouchers = new Map();
  for (const voucher of snapshot.vouchers ?? []) {
    const previous = state.vouchers.get(voucher.id);
    vouchers.set(voucher.id, { voucher, endedReason: voucher.status === 'ended' ? 'expired' : null, claiming: previous?.claiming ?? false });
  }
  state.vouchers = vouchers;
  renderPromos();
}

/** The hint under the cart's lines: how much more of this stream's items the viewer's voucher needs, if any. */
function voucherHint(lines) {
  if (state.cart?.discount?.amount > 0) return null;
  const ours = lines.filter((line) => !line.streamId || line.streamId === streamId);
  if (ours.length === 0) return null;
  let best = null;
  for (const [id, voucher] of Object.entries(mine.vouchers ?? {})) {
    if (!(Number(mine.claimed[id] ?? 0) > Number(mine.spent[id] ?? 0)) || !voucher?.minSpend) continue;
    // A claimed voucher lasts until its end plus the hold period (5 minutes by default).
    if (msUntil(voucher.endsAt) < -5 * 60 * 1000) continue;
    const currency = voucher.minSpend.currency;
    const spent = ours.reduce((sum, line) => sum + (line.unitPrice?.currency === currency ? line.unitPrice.amount * line.quantity : 0), 0);
    const gap = voucher.minSpend.amount - spent;
    if (best === null || gap < best.gap) best = { gap, currency };
  }
  if (best === null) return null;
  return best.gap > 0 ? t('spendMore', { amount: formatMoney({ amount: best.gap, currency: best.currency }) }) : t('voucherAtCheckout');
}

// ---------------------------------------------------------------- cart and checkout
// The engine's cart is the truth: the page reads it on every join (first connect, reconnect, sign-in) and takes
// every answer of a cart method as the new cart. Held offer units are lines with a reservationId and expiresAt.

let cartRequests = 0;
let cartApplied = 0;
let lapseRefreshAt = 0;

/** Takes a cart answered by the engine; `seq` orders answers so that an older one never overwrites a newer one. */
function applyCart(cart, seq = ++cartRequests) {
  if (!cart || seq < cartApplied) return;
  cartApplied = seq;
  state.cart = {
    items: cart.items ?? [],
    total: cart.total ?? { amount: 0, currency: '' },
    subtotal: cart.subtotal ?? null,
    discount: cart.discount ?? null,
    voucherId: cart.voucherId ?? null,
  };
  // The offers' "held for you" follow the holds the engine still has in the cart.
  const claims = new Map();
  for (const item of state.cart.items) {
    if (!item.offerId || !item.reservationId) continue;
    const previous = state.claims.get(item.offerId);
    const offer = state.offers.get(item.offerId)?.offer ?? previous?.offer
      ?? { id: item.offerId, productId: item.productId, name: item.name ?? productName(item.productId, item.offerId), price: item.unitPrice };
    claims.set(item.offerId, { reservationId: item.reservationId, expiresAt: item.expiresAt ?? previous?.expiresAt ?? null, offer });
  }
  state.claims = claims;
  // A cart the engine changed is a new attempt, except when lines of the pending attempt are only gone: that is
  // what an attempt that went through looks like when its answer was lost, and its key brings back that order.
  const pending = pendingCheckout();
  if (pending && !onlyLinesOf(state.cart.items, pending.lines)) newCheckoutAttempt();
  renderCart();
  for (const entry of state.offers.values()) updateOfferElement(entry);
  for (const entry of state.vouchers.values()) updateVoucherElement(entry);
}

/** Reads the engine's cart (signed-in viewers only). */
async function refreshCart({ quiet = false } = {}) {
  if (!tokens.token || !live.connected) return;
  const seq = ++cartRequests;
  try {
    applyCart(await live.invoke('GetCart'), seq);
  } catch (error) {
    if (!quiet) toast(error.message);
  }
}

/** Calls a hub method that answers the cart, with the cart's controls disabled meanwhile. */
async function changeCart(method, ...args) {
  if (!requireSignIn() || state.cartBusy) return false;
  state.cartBusy = true;
  renderCart();
  const seq = ++cartRequests;
  try {
    const cart = await live.invoke(method, ...args);
    newCheckoutAttempt();
    applyCart(cart, seq);
    return true;
  } catch (error) {
    toast(error.message);
    refreshCart({ quiet: true });
    return false;
  } finally {
    state.cartBusy = false;
    renderCart();
  }
}

async function addToCart(productId, quantity) {
  if (!(await changeCart('AddToCart', streamId, productId, quantity))) return false;
  toast(t('added'), 'ok', 2000);
  bumpCartButton();
  return true;
}

function setQuantity(productId, quantity) {
  return changeCart('SetCartQuantity', productId, quantity);
}

function releaseHold(reservationId) {
  return changeCart('ReleaseHold', reservationId);
}

/** The lines to show: the engine's cart, plus held offer units the last cart answer did not list yet. */
function cartLines() {
  const items = [...(state.cart?.items ?? [])];
  const listed = new Set(items.filter((i) => i.offerId).map((i) => i.offerId));
  for (const [offerId, held] of state.claims) {
    if (!listed.has(offerId)) {
      items.push({
        productId: held.offer.productId, offerId, quantity: 1, unitPrice: held.offer.price,
        reservationId: held.reservationId, expiresAt: held.expiresAt, held: true,
      });
    }
  }
  return items;
}

function productName(productId, offerId, name) {
  const card = state.products.get(productId);
  if (card) return card.name;
  if (name) return name;
  for (const entry of state.offers.values()) if (entry.offer.productId === productId) return entry.offer.name;
  for (const held of state.claims.values()) if (held.offer.productId === productId) return held.offer.name;
  for (const entry of state.auctions.values()) if (entry.auction.productId === productId) return entry.auction.name;
  for (const entry of state.giveaways.values()) if (entry.giveaway.productId === productId) return entry.giveaway.name;
  return offerId ? t('flashSale') : productId;
}

/** Where a cart line came from: "regular", or for a held unit "offer", "auction" (won) or "giveaway" (won, free). */
function lineSource(line) {
  if (!line.offerId) return 'regular';
  if (state.offers.has(line.offerId)) return 'offer';
  if (state.auctions.has(line.offerId)) return 'auction';
  if (state.giveaways.has(line.offerId)) return 'giveaway';
  const kind = heldKinds()[line.offerId];
  if (kind === 'auction' || kind === 'giveaway') return kind;
  return line.unitPrice?.amount === 0 ? 'giveaway' : 'offer';
}

function sourceChip(source) {
  if (source === 'auction') return h('span.chip.auction-chip', {}, icon('gavel', 'icon tiny'), t('wonAuction'));
  if (source === 'giveaway') return h('span.chip.gift-chip', {}, icon('gift', 'icon tiny'), t('wonGiveaway'));
  return h('span.chip.flash', {}, icon('bolt', 'icon tiny'), t('flashSale'));
}

/** A unit price, or "Free" for a giveaway's unit. */
function linePrice(line) {
  return line.offerId && line.unitPrice?.amount === 0 ? t('free') : formatMoney(line.unitPrice);
}

function cartLine(line) {
  const name = productName(line.productId, line.offerId, line.name);
  const card = state.products.get(line.productId) ?? { name, productId: line.productId };
  const busy = Boolean(state.cartBusy);
  const held = Boolean(line.offerId);
  const source = lineSource(line);
  const controls = held
    ? h('div.cart-controls', {},
      line.reservationId ? h('button.btn.small.ghost.cart-release', {
        type: 'button',
        disabled: busy,
        title: t('releaseHint'),
        onclick: () => releaseHold(line.reservationId),
      }, t('release')) : null)
    : h('div.cart-controls', {},
      h('button.icon-btn.plain.small.qty-minus', {
        type: 'button',
        disabled: busy || line.quantity <= 1,
        title: t('decrease'),
        'aria-label': t('decrease'),
        onclick: () => setQuantity(line.productId, line.quantity - 1),
      }, '−'),
      h('span.qty-value', {}, String(line.quantity)),
      h('button.icon-btn.plain.small.qty-plus', {
        type: 'button',
        disabled: busy || line.quantity >= MAX_LINE_QUANTITY,
        title: t('increase'),
        'aria-label': t('increase'),
        onclick: () => setQuantity(line.productId, line.quantity + 1),
      }, '+'),
      h('button.link.cart-remove', {
        type: 'button',
        disabled: busy,
        onclick: () => setQuantity(line.productId, 0),
      }, t('remove')));
  return h('div.cart-line', {
    dataset: {
      productId: line.productId,
      offerId: line.offerId ?? '',
      reservationId: line.reservationId ?? '',
      kind: held ? 'held' : 'regular',
      source,
      quantity: String(line.quantity),
      unitAmount: String(line.unitPrice?.amount ?? 0),
      testid: 'cart-line',
    },
  },
  productImage(card),
  h('div.cart-line-text', {},
    h('span.product-name', {}, name),
    held ? sourceChip(source) : null,
    held && line.expiresAt ? h('span.hold', { dataset: { expiresAt: line.expiresAt } }) : null,
    controls),
  h('div.cart-line-price', {},
    h('span.muted', {}, `${line.quantity} ×`),
    h('strong', {}, linePrice(line))));
}

function renderCart() {
  const lines = cartLines();
  const units = lines.reduce((sum, l) => sum + l.quantity, 0);
  const badge = $('#cart-count');
  badge.hidden = units === 0;
  badge.textContent = String(units);
  const host = $('#cart-lines');
  if (lines.length === 0) {
    replace(host, h('p.empty', {}, t('cartEmpty')));
  } else {
    replace(host, lines.map(cartLine));
  }
  const total = mergeTotal(lines);
  const totalElement = $('#cart-total');
  totalElement.textContent = total.currency ? formatMoney(total) : '—';
  totalElement.dataset.amount = String(total.amount ?? 0);
  // With a voucher the engine's cart carries its subtotal and discount: total = subtotal − discount.
  const discount = lines.length > 0 && state.cart?.discount?.amount > 0 ? state.cart.discount : null;
  $('#cart-sums').hidden = !discount;
  if (discount) {
    const added = total.amount - (state.cart.total?.amount ?? 0);
    const subtotal = state.cart.subtotal
      ? { amount: state.cart.subtotal.amount + added, currency: state.cart.subtotal.currency }
      : { amount: total.amount + discount.amount, currency: total.currency || discount.currency };
    $('#cart-subtotal').textContent = formatMoney(subtotal);
    $('#cart-subtotal').dataset.amount = String(subtotal.amount);
    $('#cart-discount').textContent = `−${formatMoney(discount)}`;
    $('#cart-discount').dataset.amount = String(discount.amount);
    $('#cart-discount-line').dataset.voucherId = state.cart.voucherId ?? '';
  }
  const hint = voucherHint(lines);
  $('#cart-voucher-hint').hidden = !hint;
  $('#cart-voucher-hint').textContent = hint ?? '';
  const checkout = $('#checkout');
  // A pending attempt can be retried even when the cart looks empty: its answer may be an order already placed.
  checkout.disabled = (lines.length === 0 && !pendingCheckoutKey()) || state.checkingOut || Boolean(state.cartBusy);
  checkout.textContent = state.checkingOut ? t('checkingOut') : pendingCheckoutKey() ? t('retryCheckout') : t('checkout');
  renderHolds();
}

function mergeTotal(lines) {
  // The engine's total covers its own lines; add the held units it did not list yet.
  const total = state.cart?.total ?? { amount: 0, currency: '' };
  const extra = lines.filter((l) => l.held);
  if (extra.length === 0) return total;
  const currency = total.currency || extra[0].unitPrice.currency;
  return { amount: total.amount + extra.reduce((s, l) => s + (l.unitPrice.currency === currency ? l.unitPrice.amount : 0), 0), currency };
}

function renderHolds() {
  let lapsed = false;
  for (const element of document.querySelectorAll('.hold[data-expires-at]')) {
    const ms = new Date(element.dataset.expiresAt).getTime() - Date.now();
    element.textContent = ms > 0 ? `${t('claimed')} · ${formatCountdown(ms)}` : t('holdLapsed');
    element.classList.toggle('lapsed', ms <= 0);
    lapsed ||= ms <= 0;
  }
  // The engine drops a lapsed hold's line: read the cart again (at most every few seconds).
  if (lapsed && Date.now() - lapseRefreshAt > 3000) {
    lapseRefreshAt = Date.now();
    refreshCart({ quiet: true });
  }
}

// One key per checkout attempt: a retry after a transport or generic error reuses it (the engine answers the same
// order and charges nothing twice); a definitive refusal or a change of the cart starts a new attempt.

function checkoutStorageKey() {
  return `livecommerce.checkout.${streamId}`;
}

/** The attempt to retry, { key, lines } (lines: the cart it was made for), or null. */
function pendingCheckout() {
  let text = state.memoryCheckout ?? null;
  try {
    text = sessionStorage.getItem(checkoutStorageKey());
  } catch {
    // Memory only.
  }
  if (!text) return null;
  try {
    const value = JSON.parse(text);
    return value?.key ? value : null;
  } catch {
    return null;
  }
}

function pendingCheckoutKey() {
  return pendingCheckout()?.key ?? null;
}

function setPendingCheckout(value) {
  const text = value ? JSON.stringify(value) : null;
  state.memoryCheckout = text;
  try {
    if (text) sessionStorage.setItem(checkoutStorageKey(), text);
    else sessionStorage.removeItem(checkoutStorageKey());
  } catch {
    // Memory only.
  }
}

/** The cart changed: the next checkout is a new attempt with a new key. */
function newCheckoutAttempt() {
  setPendingCheckout(null);
}

/** What identifies a cart's lines: an attempt is retried only for (what is left of) the same lines. */
function cartFingerprint(items) {
  return (items ?? [])
    .map((i) => `${i.productId}|${i.offerId ?? ''}|${i.reservationId ?? ''}|${i.quantity}`)
    .sort()
    .join(';');
}

/** True when every line of `items` is one of the lines an attempt was made for. */
function onlyLinesOf(items, fingerprint) {
  const lines = new Set(String(fingerprint ?? '').split(';').filter(Boolean));
  return cartFingerprint(items).split(';').filter(Boolean).every((line) => lines.has(line));
}

/** True when the engine refused the checkout for good (nothing was charged): retrying the same key cannot help. */
function isDefinitiveRefusal(error) {
  if (!error?.fromServer) return false; // transport: the attempt may or may not have reached the engine
  return !/something went wrong|try again|too many requests|wait a moment/i.test(error.message);
}

function newKey() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

async function checkout() {
  if (!requireSignIn() || state.checkingOut) return;
  let attempt = pendingCheckout();
  if (!attempt) {
    attempt = { key: newKey(), lines: cartFingerprint(state.cart?.items) };
    setPendingCheckout(attempt);
  }
  state.checkingOut = true;
  renderCart();
  try {
    const order = await live.invoke('Checkout', attempt.key);
    setPendingCheckout(null);
    // The engine takes the bought lines out of the cart; show what is left.
    state.cart = { items: [], total: { amount: 0, currency: '' }, subtotal: null, discount: null, voucherId: null };
    state.claims.clear();
    if (order.voucherId) {
      // A voucher is spent once, by the order that used it.
      mine.spent[order.voucherId] = Number(mine.spent[order.voucherId] ?? 0) + 1;
      saveMine();
    }
    closeDrawers();
    showOrder(order);
    refreshCart({ quiet: true });
  } catch (error) {
    toast(error.message);
    if (isDefinitiveRefusal(error)) {
      setPendingCheckout(null);
      refreshCart({ quiet: true });
    }
  } finally {
    state.checkingOut = false;
    renderCart();
    for (const entry of state.offers.values()) updateOfferElement(entry);
  }
}

function showOrder(order) {
  replace($('#order-check'), icon('check', 'icon big'));
  $('#order-id').textContent = t('orderNumber', { id: order.id });
  $('#order-modal').dataset.orderId = order.id;
  replace($('#order-lines'), (order.items ?? []).map((line) => h('div.order-line', {},
    h('span', {}, `${line.quantity} × ${productName(line.productId, line.offerId)}`),
    h('span', {}, line.offerId && line.unitPrice.amount === 0 ? t('free') : formatMoney({ amount: line.unitPrice.amount * line.quantity, currency: line.unitPrice.currency })))));
  const discounted = order.discount?.amount > 0;
  $('#order-sums').hidden = !discounted;
  if (discounted) {
    $('#order-subtotal').textContent = formatMoney(order.subtotal ?? { amount: order.total.amount + order.discount.amount, currency: order.total.currency });
    $('#order-discount').textContent = `−${formatMoney(order.discount)}`;
  }
  $('#order-total').textContent = formatMoney(order.total);
  $('#order-modal').hidden = false;
  $('#order-close').focus();
}

function bumpCartButton() {
  const button = $('#cart-button');
  button.classList.remove('bump');
  void button.offsetWidth;
  button.classList.add('bump');
}

// ---------------------------------------------------------------- drawers

function openDrawer(element) {
  for (const drawer of document.querySelectorAll('.drawer')) if (drawer !== element) drawer.hidden = true;
  document.body.classList.remove('side-open');
  element.hidden = false;
  $('#backdrop').hidden = false;
  requestAnimationFrame(() => element.classList.add('open'));
}

function openCart() {
  renderCart();
  openDrawer($('#cart-drawer'));
}

function closeDrawers() {
  for (const drawer of document.querySelectorAll('.drawer')) {
    drawer.classList.remove('open');
    drawer.hidden = true;
  }
  document.body.classList.remove('side-open');
  $('#backdrop').hidden = true;
}

// ---------------------------------------------------------------- chat and reactions

function addComment(event) {
  const chat = $('#chat');
  const mine = tokens.claims?.sub && tokens.claims.sub === event.userId;
  chat.append(h('li.comment', { class: mine ? 'mine' : '' },
    h('span.comment-user', { style: `--hue:${hue(event.userId)}` }, mine ? t('you') : event.userId),
    h('span.comment-text', {}, event.text)));
  while (chat.children.length > MAX_CHAT) chat.firstElementChild.remove();
  chat.scrollTop = chat.scrollHeight;
}

function hue(text) {
  let value = 0;
  for (const ch of String(text)) value = (value * 33 + ch.charCodeAt(0)) % 360;
  return value;
}

async function sendComment(event) {
  event.preventDefault();
  const input = $('#comment-input');
  const text = input.value.trim();
  if (!text || !requireSignIn()) return;
  try {
    await live.invoke('Comment', streamId, text);
    input.value = '';
  } catch (error) {
    toast(error.message);
  }
}

async function react(kind) {
  if (!requireSignIn()) return;
  float(kind);
  try {
    await live.invoke('React', streamId, kind);
  } catch (error) {
    toast(error.message);
  }
}

function float(kind) {
  const floater = h(`span.floater.${kind}`, { style: `--drift:${Math.round(Math.random() * 40 - 20)}px` }, icon(kind));
  $('#floaters').append(floater);
  setTimeout(() => floater.remove(), 1800);
}

// ---------------------------------------------------------------- sign-in

function requireSignIn() {
  if (tokens.token) return true;
  toast(t('signInToBuy'), 'info');
  const button = $('#account-bar .btn');
  if (button) {
    button.classList.remove('attention');
    void button.offsetWidth;
    button.classList.add('attention');
  }
  return false;
}

function renderAccount() {
  const bar = $('#account-bar');
  const claims = tokens.claims;
  document.body.classList.toggle('signed-in', Boolean(claims));
  if (claims) {
    replace(bar, h('span.account-chip', {}, icon('user', 'icon tiny'), h('span', { id: 'signed-in-as' }, claims.sub ?? '?'),
      h('button.link', { type: 'button', onclick: () => tokens.set(null) }, t('signOut'))));
    return;
  }
  replace(bar,
    h('span.account-hint', {}, t('signInToBuy')),
    state.devTokens
      ? h('button.btn.primary.small', { type: 'button', id: 'demo-sign-in', onclick: demoSignIn }, t('demoSignIn'))
      : h('span.account-wait', {}, t('waitingForToken')));
}

async function demoSignIn() {
  try {
    const answer = await devToken(randomId('viewer'), 'viewer');
    tokens.set(answer.token);
  } catch (error) {
    toast(error.message);
  }
}

tokens.onChange(() => {
  renderAccount();
  state.cart = { items: [], total: { amount: 0, currency: '' }, subtotal: null, discount: null, voucherId: null };
  state.claims.clear();
  loadMine();
  tickPromos();
  newCheckoutAttempt();
  renderCart();
  live.restart();
});

// ---------------------------------------------------------------- wiring

function wire() {
  translatePage();
  $('#back').append(icon('back'));
  $('#cart-button').prepend(icon('cart'));
  $('#comment-send').append(icon('send'));
  $('#products-button').prepend(icon('bag', 'icon tiny'));
  $('#side-close').append(icon('close'));
  $('#cart-close').append(icon('close'));
  replace($('#reactions'), REACTIONS.map((kind) => h(`button.react.${kind}`, {
    type: 'button',
    title: t(`react_${kind}`),
    'aria-label': t(`react_${kind}`),
    dataset: { kind },
    onclick: () => react(kind),
  }, icon(kind))));
  $('#composer').addEventListener('submit', sendComment);
  $('#cart-button').addEventListener('click', openCart);
  $('#cart-close').addEventListener('click', closeDrawers);
  $('#checkout').addEventListener('click', checkout);
  $('#backdrop').addEventListener('click', closeDrawers);
  $('#products-button').addEventListener('click', () => {
    closeDrawers();
    document.body.classList.add('side-open');
    $('#backdrop').hidden = false;
  });
  $('#side-close').addEventListener('click', closeDrawers);
  $('#order-close').addEventListener('click', () => { $('#order-modal').hidden = true; });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      closeDrawers();
      $('#order-modal').hidden = true;
    }
  });
  $('#unmute').addEventListener('click', unmute);
  $('#unmute').append(icon('play', 'icon tiny'));
  renderVideo();
  renderViewers(0);
  renderCart();
  renderProducts();
}

wire();
loadMine();
tokens.acceptHandover();
renderAccount();
devTokensAvailable().then((available) => {
  state.devTokens = available;
  renderAccount();
});
live.start();

// For the host platform and tests: the page's state, read-only.
window.livecommerce = { streamId, get state() { return state; }, tokens };
