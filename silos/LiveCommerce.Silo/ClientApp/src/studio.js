// The creator studio, /studio: sign in, create products and streams, go live, pin and unpin, launch and
// cancel flash offers, live auctions, giveaways and voucher drops (each with its live panel), watch live analytics and suggestions, and see the stream's live events (the studio
// joins the hub as a viewer of its own stream). The video panel gives the RTMP address and the stream key (shown
// only when asked) with the encoder settings, and previews the live video as viewers get it.
import {
  Chart, LineController, LineElement, PointElement, LinearScale, CategoryScale, BarController, BarElement,
  Legend, Tooltip, Filler,
} from 'chart.js';
import { $, h, replace, productImage } from './common/dom.js';
import { t, translatePage, formatNumber, formatTime, locale } from './common/i18n.js';
import { currencies, formatMoney, minorDigits, parseMajor, toMajorString } from './common/money.js';
import { toast } from './common/toast.js';
import { icon } from './common/icons.js';
import { TokenStore, randomId, devTokensAvailable } from './common/auth.js';
import { api, devToken } from './common/api.js';
import { LiveConnection } from './common/hub.js';
import { VideoPlayer } from './common/player.js';
import {
  bidsText, winnersText, discountText, formatCountdown, msUntil, laterTime, verifySeed,
} from './common/promos.js';

Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale, BarController, BarElement, Legend, Tooltip, Filler);
Chart.defaults.color = '#a9a9bd';
Chart.defaults.borderColor = 'rgba(255,255,255,0.08)';
Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

const POLL_ANALYTICS_MS = 3000;
const POLL_SUGGESTIONS_MS = 5000;
const MAX_SAMPLES = 120;
const clock = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

const tokens = new TokenStore('livecommerce.creator.token');
const state = {
  devTokens: false,
  catalog: new Map(), // productId → Product
  openTerms: new Set(), // productIds whose terms form is open
  streams: [],
  selected: null, // stream id
  snapshot: null,
  offers: new Map(), // offerId → Offer (+ endedReason)
  auctions: new Map(), // auctionId → { auction, result }
  giveaways: new Map(), // giveawayId → { giveaway, result, verified, entrantIds }
  vouchers: new Map(), // voucherId → { voucher, endedReason }
  live: null,
  timers: [],
  charts: {},
  samples: [], // { at, viewers }
  lastViewers: 0,
  analyticsAvailable: null,
  endArmed: false,
  ingest: null, // { rtmpUrl, streamKey } of the selected stream
  keyShown: false,
  rotateArmed: false,
  preview: null, // the VideoPlayer of the preview
  video: { status: 'offline', playbackUrl: null },
};

// ---------------------------------------------------------------- helpers

const sub = () => tokens.claims?.sub ?? null;
const call = (method, path, body) => api(method, path, { body, token: tokens.token });

function showErrors(form, error) {
  const box = form.querySelector('[data-errors]');
  for (const field of form.querySelectorAll('.invalid')) field.classList.remove('invalid');
  if (!error) {
    if (box) box.replaceChildren();
    return;
  }
  const messages = [];
  if (typeof error === 'string') messages.push(error);
  else if (error.errors && typeof error.errors === 'object') {
    if (error.problem?.detail) messages.push(error.problem.detail);
    for (const [field, list] of Object.entries(error.errors)) {
      const input = form.querySelector(`[name="${CSS.escape(field.split('.')[0])}"]`);
      input?.classList.add('invalid');
      messages.push(`${field}: ${[].concat(list).join(' ')}`);
    }
  } else messages.push(error.message ?? String(error));
  if (box) replace(box, messages.map((m) => h('div', {}, m)));
}

function button(label, onclick, className = '') {
  return h(`button.btn${className ? `.${className}` : ''}`, { type: 'button', onclick }, label);
}

// ---------------------------------------------------------------- sign-in

function renderAccount() {
  const claims = tokens.claims;
  const account = $('#account');
  if (claims) {
    replace(account, h('span.account-chip', {}, icon('user', 'icon tiny'), h('span', { id: 'studio-sub' }, claims.sub),
      h('button.link', { type: 'button', onclick: () => tokens.set(null) }, t('signOut'))));
  } else {
    account.replaceChildren();
  }
  $('#signin').hidden = Boolean(claims);
  $('#workspace').hidden = !claims;
  $('#dev-signin').hidden = !state.devTokens;
}

async function onSignedIn() {
  renderAccount();
  if (state.loadedFor === tokens.token) return;
  state.loadedFor = tokens.token;
  stopStream();
  state.catalog.clear();
  if (!tokens.token) return;
  await Promise.all([loadCatalog(), loadStreams()]);
}

$('#dev-signin').addEventListener('submit', async (event) => {
  event.preventDefault();
  const id = $('#creator-sub').value.trim() || randomId('creator');
  try {
    const answer = await devToken(id, 'creator,seller');
    localStorage.setItem('livecommerce.studio.lastCreator', id);
    tokens.set(answer.token);
  } catch (error) {
    toast(error.message);
  }
});

$('#token-signin').addEventListener('submit', (event) => {
  event.preventDefault();
  const token = $('#token-input').value.trim();
  if (!token) return;
  tokens.set(token);
  $('#token-input').value = '';
});

tokens.onChange(onSignedIn);

// ---------------------------------------------------------------- catalog

async function loadCatalog() {
  try {
    const products = await call('GET', '/api/products?pageSize=200');
    for (const product of products) state.catalog.set(product.id, product);
  } catch (error) {
    toast(error.message);
  }
  renderCatalog();
}

function renderCatalog() {
  const list = $('#catalog-list');
  const products = [...state.catalog.values()];
  replace(list, products.length === 0
    ? h('p.empty', {}, t('noCatalog'))
    : products.map((p) => h('div.catalog-item', { dataset: { productId: p.id } },
      productImage({ name: p.name, imageUrl: p.imageUrl, productId: p.id }),
      h('div.catalog-text', {}, h('strong', {}, p.name), h('span.muted.small', {}, `${p.sku} · ${t('inStock', { count: formatNumber(p.stock) })}`)),
      h('span.catalog-price', {}, formatMoney(p.price)),
      !p.sellerId || p.sellerId === sub() ? termsPanel(p) : null)));
  replace($('#stream-products'), products.map((p) => h('label.check', {},
    h('input', { type: 'checkbox', name: 'productIds', value: p.id, checked: true }),
    h('span', {}, `${p.name} · ${formatMoney(p.price)}`))));
  renderControlProducts();
}

// ---------------------------------------------------------------- seller terms for other creators' streams

/** The floor and the cap of a product's terms, as a short text. */
function termsParts(terms) {
  const parts = [];
  if (terms.minLivePrice) parts.push(t('termsFloor', { price: formatMoney(terms.minLivePrice) }));
  if (terms.maxOfferUnits !== null && terms.maxOfferUnits !== undefined) parts.push(t('termsUnits', { count: formatNumber(terms.maxOfferUnits) }));
  return parts.length > 0 ? parts.join(' · ') : t('termsAny');
}

/** A short text of a product's terms, for its seller: the floor and the cap, or that there are none. */
function termsSummary(terms) {
  return terms ? t('termsFor', { terms: termsParts(terms) }) : t('termsNone');
}

/** The seller's terms of one of their products: what other creators' offers on it must keep to. */
function termsPanel(product) {
  const currency = product.price.currency;
  const terms = product.terms ?? null;
  const form = h('form.form-grid.terms-form', { novalidate: true },
    h('label', {}, h('span', {}, t('minLivePrice', { currency })),
      h('input', { name: 'minLivePrice', inputmode: 'decimal', value: terms?.minLivePrice ? toMajorString(terms.minLivePrice) : '', placeholder: '—' })),
    h('label', {}, h('span', {}, t('maxOfferUnits')),
      h('input', { name: 'maxOfferUnits', inputmode: 'numeric', value: terms?.maxOfferUnits != null ? String(terms.maxOfferUnits) : '', placeholder: '—' })),
    h('div.form-actions', {}, h('button.btn.small.primary', { type: 'submit' }, t('saveTerms'))),
    h('div.form-errors.span-2', { dataset: { errors: '' } }));
  form.addEventListener('submit', (event) => saveTerms(event, product.id));
  const panel = h('details.terms', { dataset: { termsFor: product.id }, open: state.openTerms.has(product.id) },
    h('summary', {}, h('span', {}, t('terms')), h('span.terms-summary.muted.small', {}, termsSummary(terms))),
    h('p.muted.small', {}, t('termsHint')),
    form);
  panel.addEventListener('toggle', () => {
    if (panel.open) state.openTerms.add(product.id);
    else state.openTerms.delete(product.id);
  });
  return panel;
}

async function saveTerms(event, productId) {
  event.preventDefault();
  const form = event.currentTarget;
  const product = state.catalog.get(productId);
  if (!product) return;
  const currency = product.price.currency;
  const priceText = String(form.elements.minLivePrice.value ?? '').trim();
  const unitsText = String(form.elements.maxOfferUnits.value ?? '').trim();
  showErrors(form, null);
  let minLivePrice = null;
  if (priceText !== '') {
    const amount = parseMajor(priceText, currency);
    if (amount === null) {
      form.elements.minLivePrice.classList.add('invalid');
      showErrors(form, t('err_minor', { currency, digits: minorDigits(currency) }));
      return;
    }
    minLivePrice = { amount, currency };
  }
  let maxOfferUnits = null;
  if (unitsText !== '') {
    if (!/^\d+$/.test(unitsText)) {
      form.elements.maxOfferUnits.classList.add('invalid');
      showErrors(form, t('err_units'));
      return;
    }
    maxOfferUnits = Number(unitsText);
  }
  const submit = form.querySelector('button[type=submit]');
  submit.disabled = true;
  try {
    const saved = await call('PUT', `/api/products/${encodeURIComponent(productId)}/terms`, { minLivePrice, maxOfferUnits });
    state.catalog.set(productId, saved);
    // Updated in place, so the open form stays open.
    const panel = form.closest('details.terms');
    panel.querySelector('.terms-summary').textContent = termsSummary(saved.terms ?? { minLivePrice, maxOfferUnits });
    panel.dataset.saved = 'true';
    toast(t('termsSaved'), 'ok', 2000);
  } catch (error) {
    showErrors(form, error);
  } finally {
    submit.disabled = false;
  }
}

$('#product-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.currentTarget;
  const data = new FormData(form);
  const currency = data.get('currency');
  const amount = parseMajor(data.get('price'), currency);
  const stock = Number(data.get('stock'));
  if (!String(data.get('name')).trim() || !String(data.get('sku')).trim()) {
    showErrors(form, `${t('name')} / ${t('sku')}: ${t('err_required')}`);
    return;
  }
  if (amount === null) {
    showErrors(form, `${t('price')}: ${t('err_minor', { currency, digits: minorDigits(currency) })}`);
    form.elements.price.classList.add('invalid');
    return;
  }
  if (!Number.isInteger(stock) || stock < 0) {
    showErrors(form, `${t('stock')}: ${t('err_quantity')}`);
    return;
  }
  const optional = (name) => (String(data.get(name) ?? '').trim() || undefined);
  try {
    const product = await call('POST', '/api/products', {
      sku: String(data.get('sku')).trim(),
      name: String(data.get('name')).trim(),
      description: optional('description'),
      imageUrl: optional('imageUrl'),
      category: optional('category'),
      price: { amount, currency },
      stock,
      sellerKind: data.get('sellerKind'),
    });
    state.catalog.set(product.id, product);
    renderCatalog();
    showErrors(form, null);
    form.reset();
    form.elements.currency.value = currency;
    form.elements.sku.value = `SKU-${Math.random().toString(36).slice(2, 8).toUpperCase()}`;
    toast(t('productCreated'), 'ok', 2000);
  } catch (error) {
    showErrors(form, error);
  }
});

// ---------------------------------------------------------------- streams

async function loadStreams() {
  try {
    state.streams = (await call('GET', `/api/streams?creatorId=${encodeURIComponent(sub())}`)) ?? [];
  } catch (error) {
    toast(error.message);
    state.streams = [];
  }
  renderStreams();
}

function renderStreams() {
  const host = $('#my-streams');
  replace(host, state.streams.length === 0
    ? h('p.empty', {}, t('noMyStreams'))
    : state.streams.map((s) => h('button.stream-row', {
      type: 'button',
      class: s.id === state.selected ? 'selected' : '',
      dataset: { streamId: s.id },
      onclick: () => selectStream(s.id),
    }, h('span', { class: `badge ${s.status}` }, t(`status_${s.status}`)), h('span.stream-row-title', {}, s.title))));
}

$('#stream-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.currentTarget;
  const data = new FormData(form);
  const title = String(data.get('title') ?? '').trim();
  if (!title) {
    showErrors(form, `${t('title')}: ${t('err_required')}`);
    return;
  }
  try {
    const stream = await call('POST', '/api/streams', {
      title,
      productIds: data.getAll('productIds'),
      videoUrl: String(data.get('videoUrl') ?? '').trim() || undefined,
    });
    showErrors(form, null);
    form.reset();
    $('#stream-details').open = false;
    toast(t('streamCreated'), 'ok', 2000);
    await loadStreams();
    await selectStream(stream.id);
  } catch (error) {
    showErrors(form, error);
  }
});

// ---------------------------------------------------------------- the control room of one stream

function stopStream() {
  for (const timer of state.timers) clearInterval(timer);
  state.timers = [];
  state.live?.connection?.stop().catch(() => {});
  if (state.live) state.live.stopped = true;
  state.live = null;
  state.preview?.stop();
  state.preview = null;
  state.ingest = null;
  state.keyShown = false;
  state.video = { status: 'offline', playbackUrl: null };
  for (const chart of Object.values(state.charts)) chart.destroy();
  state.charts = {};
  state.samples = [];
  state.snapshot = null;
  state.offers.clear();
  state.auctions.clear();
  state.giveaways.clear();
  state.vouchers.clear();
  state.selected = null;
  state.analyticsAvailable = null;
  replace($('#control'), h('section.panel.empty-panel', { id: 'no-stream' }, h('p.muted', {}, t('selectStream'))));
}

async function selectStream(id) {
  stopStream();
  state.selected = id;
  renderStreams();
  buildControl();
  await refreshSnapshot();
  state.live = new LiveConnection(id, {
    getToken: () => tokens.token,
    onSnapshot: (snapshot) => applySnapshot(snapshot),
    onState: (connection) => { $('#studio-conn') && ($('#studio-conn').dataset.state = connection); },
    onJoinError: (error) => logEvent(String(error?.message ?? error), 'error'),
  });
  state.live
    .on('ProductPinned', (card) => { logEvent(t('ev_pinned', { name: card.name }), 'pin'); setPinned(card); })
    .on('ProductUnpinned', () => { logEvent(t('ev_unpinned'), 'pin'); setPinned(null); })
    .on('OfferStarted', (offer) => { logEvent(t('ev_offerStarted', { name: offer.name }), 'offer'); state.offers.set(offer.id, offer); renderOffers(); })
    .on('OfferUpdated', (event) => {
      const offer = state.offers.get(event.offerId);
      if (offer) { state.offers.set(offer.id, { ...offer, remaining: event.remaining }); renderOffers(); }
      logEvent(t('ev_offerUpdated', { count: event.remaining }), 'offer', `offer-${event.offerId}`);
    })
    .on('OfferEnded', (event) => {
      logEvent(t('ev_offerEnded', { reason: t(`reason_${event.reason}`) }), 'offer');
      state.offers.delete(event.offerId);
      renderOffers();
    })
    .on('AuctionStarted', (auction) => {
      logEvent(t('ev_auctionStarted', { name: auction.name }), 'offer');
      const previous = state.auctions.get(auction.id);
      state.auctions.set(auction.id, { auction: { ...previous?.auction, ...auction }, result: previous?.result ?? null });
      renderAuctions();
    })
    .on('BidPlaced', (event) => {
      logEvent(t('ev_bidPlaced', { user: event.leaderId ?? '?', price: formatMoney(event.currentBid), count: event.bids ?? 0 }), 'offer', `auction-${event.auctionId}`);
      onBidPlaced(event);
    })
    .on('AuctionEnded', (event) => {
      logEvent(t('ev_auctionEnded', { reason: t(`reason_${event.reason}`) }), 'offer');
      onAuctionEnded(event);
    })
    .on('GiveawayStarted', (giveaway) => {
      logEvent(t('ev_giveawayStarted', { name: giveaway.name }), 'offer');
      const previous = state.giveaways.get(giveaway.id);
      state.giveaways.set(giveaway.id, { ...previous, giveaway: { ...previous?.giveaway, ...giveaway }, result: previous?.result ?? null });
      renderGiveaways();
    })
    .on('GiveawayUpdated', (event) => {
      logEvent(t('ev_giveawayUpdated', { count: event.entrants }), 'offer', `giveaway-${event.giveawayId}`);
      const entry = state.giveaways.get(event.giveawayId);
      if (entry && !entry.result) {
        entry.giveaway = { ...entry.giveaway, entrants: Math.max(entry.giveaway.entrants ?? 0, event.entrants ?? 0) };
        renderGiveaways();
      }
    })
    .on('GiveawayEnded', (event) => {
      logEvent(t('ev_giveawayEnded', { count: event.entrants ?? 0 }), 'offer');
      onGiveawayEnded(event);
    })
    .on('VoucherDropped', (voucher) => {
      logEvent(t('ev_voucherDropped', { discount: discountText(voucher.discount) }), 'offer');
      state.vouchers.set(voucher.id, { voucher: { ...state.vouchers.get(voucher.id)?.voucher, ...voucher }, endedReason: null });
      renderVouchers();
    })
    .on('VoucherUpdated', (event) => {
      logEvent(t('ev_voucherUpdated', { count: event.remaining }), 'offer', `voucher-${event.voucherId}`);
      const entry = state.vouchers.get(event.voucherId);
      if (entry) {
        entry.voucher = { ...entry.voucher, remaining: event.remaining };
        renderVouchers();
      }
    })
    .on('VoucherEnded', (event) => {
      logEvent(t('ev_voucherEnded', { reason: t(`reason_${event.reason}`) }), 'offer');
      const entry = state.vouchers.get(event.voucherId);
      if (entry) {
        entry.endedReason = event.reason ?? 'expired';
        renderVouchers();
      }
    })
    .on('ViewerCount', (event) => { state.lastViewers = event.count; renderKpi('viewers', formatNumber(event.count)); })
    .on('CommentPosted', (event) => logEvent(t('ev_comment', { user: event.userId, text: event.text }), 'comment'))
    .on('StreamEnded', () => { logEvent(t('ev_ended'), 'end'); refreshSnapshot(); loadStreams(); })
    .on('VideoStatus', (event) => {
      logEvent(event.status === 'live' ? t('ev_videoLive') : t('ev_videoOffline'), 'video');
      setVideo({ status: event.status, playbackUrl: event.playbackUrl ?? null });
    });
  state.live.start();
  loadIngest();
  pollAnalytics();
  pollSuggestions();
  state.timers.push(setInterval(pollAnalytics, POLL_ANALYTICS_MS));
  state.timers.push(setInterval(pollSuggestions, POLL_SUGGESTIONS_MS));
  state.timers.push(setInterval(tickOffers, 500));
  state.timers.push(setInterval(tickPromoRows, 500));
}

function buildControl() {
  const id = state.selected;
  replace($('#control'),
    h('section.panel.control-head', {},
      h('div.control-title', {},
        h('span.badge', { id: 'control-status' }, '…'),
        h('h2', { id: 'control-title' }, '…'),
        h('span.conn-dot', { id: 'studio-conn', title: 'hub' })),
      h('div.control-actions', {},
        h('a.btn.ghost', { href: `/watch/${encodeURIComponent(id)}`, target: '_blank', rel: 'noopener', id: 'open-viewer' }, t('openViewer')),
        h('button.btn.live', { type: 'button', id: 'go-live', onclick: goLive }, t('goLive')),
        h('button.btn.danger', { type: 'button', id: 'end-stream', onclick: endStream }, t('endStream')))),
    h('section.panel', { id: 'kpis-panel' },
      h('h2', {}, t('analytics')),
      h('div.kpis', { id: 'kpis' },
        kpi('viewers', t('viewersLabel')),
        kpi('peak', t('peakViewers')),
        kpi('unique', t('uniqueViewers')),
        kpi('reactions', t('reactions')),
        kpi('comments', t('comments')),
        kpi('revenue', t('revenue'))),
      h('p.muted.small.notice', { id: 'analytics-note', hidden: true }, t('notAvailable')),
      h('div.charts', {},
        h('figure.chart-box', {}, h('figcaption', {}, t('viewersOverTime')), h('div.chart-wrap', {}, h('canvas', { id: 'viewers-chart' }))),
        h('figure.chart-box', {}, h('figcaption', {}, t('funnel')), h('div.chart-wrap', {}, h('canvas', { id: 'funnel-chart' }))))),
    h('div.control-grid', {},
      videoPanel(),
      h('section.panel', { id: 'pin-panel' },
        h('div.panel-head', {}, h('h2', {}, t('products')), h('button.btn.small', { type: 'button', id: 'unpin', onclick: unpin }, t('unpin'))),
        h('div.pin-list', { id: 'pin-list' })),
      h('section.panel', { id: 'offer-panel' },
        h('h2', {}, t('flashOffers')),
        offerForm(),
        h('div.offer-list', { id: 'offer-list' })),
      h('section.panel', { id: 'auction-panel' },
        h('h2', {}, t('auctions')),
        auctionForm(),
        h('div.offer-list', { id: 'auction-list' })),
      h('section.panel', { id: 'giveaway-panel' },
        h('h2', {}, t('giveaways')),
        giveawayForm(),
        h('div.offer-list', { id: 'giveaway-list' })),
      h('section.panel', { id: 'voucher-panel' },
        h('h2', {}, t('vouchers')),
        voucherForm(),
        h('div.offer-list', { id: 'voucher-list' })),
      h('section.panel', { id: 'suggestions-panel' },
        h('h2', {}, t('suggestions')),
        h('div.suggestion-list', { id: 'suggestions' }, h('p.empty', {}, '…'))),
      h('section.panel', { id: 'events-panel' },
        h('h2', {}, t('events')),
        h('ol.event-log', { id: 'events' }, h('li.empty', {}, t('noEvents'))))));
  buildCharts();
}

function kpi(name, label) {
  return h('div.kpi', { dataset: { kpi: name } }, h('span.kpi-label', {}, label), h('strong.kpi-value', {}, '–'));
}

function renderKpi(name, value) {
  const element = $(`[data-kpi="${name}"] .kpi-value`);
  if (element) element.textContent = value;
}

async function refreshSnapshot() {
  try {
    applySnapshot(await call('GET', `/api/streams/${encodeURIComponent(state.selected)}`));
  } catch (error) {
    toast(error.message);
  }
}

function applySnapshot(snapshot) {
  if (!snapshot || snapshot.id !== state.selected) return;
  state.snapshot = snapshot;
  state.offers = new Map((snapshot.offers ?? []).filter((o) => o.status !== 'ended').map((o) => [o.id, o]));
  state.lastViewers = snapshot.viewerCount ?? state.lastViewers;
  renderKpi('viewers', formatNumber(state.lastViewers));
  const status = $('#control-status');
  if (status) {
    status.className = `badge ${snapshot.status}`;
    status.textContent = t(`status_${snapshot.status}`);
  }
  const title = $('#control-title');
  if (title) title.textContent = snapshot.title;
  const goLiveButton = $('#go-live');
  if (goLiveButton) goLiveButton.hidden = snapshot.status !== 'scheduled';
  const endButton = $('#end-stream');
  if (endButton) endButton.hidden = snapshot.status === 'ended';
  renderControlProducts();
  renderOffers();
  fillOfferProducts();
  applyPromoSnapshot(snapshot);
  setVideo(snapshot.video ?? { status: 'offline', playbackUrl: null });
}

function streamProducts() {
  return state.snapshot?.products ?? [];
}

function setPinned(card) {
  if (!state.snapshot) return;
  state.snapshot = { ...state.snapshot, pinned: card };
  renderControlProducts();
}

function renderControlProducts() {
  const host = $('#pin-list');
  if (!host || !state.snapshot) return;
  const pinnedId = state.snapshot.pinned?.productId;
  const listed = new Set(streamProducts().map((p) => p.productId));
  const rows = streamProducts().map((card) => h('div.pin-row', { class: card.productId === pinnedId ? 'is-pinned' : '', dataset: { productId: card.productId } },
    productImage(card),
    h('div.catalog-text', {}, h('strong', {}, card.name), h('span.muted.small', {}, `${formatMoney(card.price)} · ${t('inStock', { count: formatNumber(card.stock) })}`)),
    card.productId === pinnedId
      ? h('span.chip.pinned-chip', {}, icon('pin', 'icon tiny'), t('pinnedNow'))
      : h('button.btn.small.primary', { type: 'button', dataset: { pin: card.productId }, onclick: () => pin(card.productId) }, icon('pin', 'icon tiny'), t('pin'))));
  const extra = [...state.catalog.values()].filter((p) => !listed.has(p.id)).map((p) => h('div.pin-row.not-listed', { dataset: { productId: p.id } },
    productImage({ name: p.name, imageUrl: p.imageUrl, productId: p.id }),
    h('div.catalog-text', {}, h('strong', {}, p.name), h('span.muted.small', {}, formatMoney(p.price))),
    h('button.btn.small', { type: 'button', title: t('addToStream'), onclick: () => addToStream(p.id) }, icon('plus', 'icon tiny'), t('addToStream'))));
  replace(host, rows.length + extra.length === 0 ? h('p.empty', {}, t('noProducts')) : [...rows, ...extra]);
  const unpinButton = $('#unpin');
  if (unpinButton) unpinButton.disabled = !pinnedId;
}

async function addToStream(productId) {
  try {
    await call('POST', `/api/streams/${encodeURIComponent(state.selected)}/products`, { productId });
    await refreshSnapshot();
  } catch (error) {
    toast(error.message);
  }
}

async function pin(productId) {
  try {
    const card = await call('POST', `/api/streams/${encodeURIComponent(state.selected)}/pin`, { productId });
    setPinned(card);
  } catch (error) {
    toast(error.message);
  }
}

async function unpin() {
  try {
    await call('DELETE', `/api/streams/${encodeURIComponent(state.selected)}/pin`);
    setPinned(null);
  } catch (error) {
    toast(error.message);
  }
}

async function goLive() {
  try {
    await call('POST', `/api/streams/${encodeURIComponent(state.selected)}/start`);
    await refreshSnapshot();
    await loadStreams();
  } catch (error) {
    toast(error.message);
  }
}

async function endStream() {
  const endButton = $('#end-stream');
  if (!state.endArmed) {
    state.endArmed = true;
    endButton.textContent = t('confirmEnd');
    endButton.classList.add('armed');
    setTimeout(() => {
      state.endArmed = false;
      if (endButton.isConnected) {
        endButton.textContent = t('endStream');
        endButton.classList.remove('armed');
      }
    }, 4000);
    return;
  }
  state.endArmed = false;
  try {
    await call('POST', `/api/streams/${encodeURIComponent(state.selected)}/end`);
    await refreshSnapshot();
    await loadStreams();
  } catch (error) {
    toast(error.message);
  }
}

// ---------------------------------------------------------------- video: ingest and preview

function videoPanel() {
  return h('section.panel.video-panel', { id: 'video-panel' },
    h('div.panel-head', {}, h('h2', {}, t('video')), h('span.badge', { id: 'video-status' }, t('videoOffline'))),
    h('div.preview', { id: 'preview' },
      h('video', { id: 'studio-preview', muted: true, playsInline: true, autoplay: true }),
      h('p.preview-empty.muted.small', { id: 'preview-empty' }, t('previewEmpty'))),
    h('div.ingest', { id: 'ingest' },
      h('label', {}, h('span', {}, t('rtmpServer')),
        h('div.ingest-row', {},
          h('input', { id: 'ingest-server', readonly: true, value: '…', spellcheck: false }),
          h('button.btn.small', { type: 'button', onclick: () => copy(state.ingest?.rtmpUrl) }, t('copy')))),
      h('label', {}, h('span', {}, t('streamKey')),
        h('div.ingest-row', {},
          h('input', { id: 'stream-key', type: 'password', readonly: true, value: '', autocomplete: 'off', spellcheck: false }),
          h('button.btn.small', { type: 'button', id: 'show-key', onclick: toggleKey }, t('showKey')),
          h('button.btn.small', { type: 'button', onclick: () => copy(state.ingest?.streamKey) }, t('copy')))),
      h('p.muted.small', {}, t('keyHint')),
      h('div.form-actions', {}, h('button.btn.small.danger', { type: 'button', id: 'rotate-key', onclick: rotateKey }, t('rotateKey')))),
    h('details.obs', { id: 'obs-settings' },
      h('summary', {}, t('obsSettings')),
      h('ol.obs-steps.small', {},
        h('li', {}, t('obsStream')),
        h('li', {}, t('obsOutput')),
        h('li', {}, t('obsVideo')),
        h('li', {}, t('obsAudio')),
        h('li', {}, t('obsPhone'))),
      h('p.muted.small', {}, t('ffmpegHint')),
      h('pre.ffmpeg', { id: 'ffmpeg-command' }, '')));
}

async function loadIngest() {
  const id = state.selected;
  try {
    const ingest = await call('GET', `/api/streams/${encodeURIComponent(id)}/ingest`);
    if (id !== state.selected) return;
    state.ingest = ingest;
    renderIngest();
  } catch (error) {
    if (id === state.selected) $('#ingest-server') && ($('#ingest-server').value = error.message);
  }
}

function renderIngest() {
  const ingest = state.ingest;
  if (!ingest || !$('#ingest-server')) return;
  $('#ingest-server').value = ingest.rtmpUrl;
  const key = $('#stream-key');
  key.value = ingest.streamKey;
  key.type = state.keyShown ? 'text' : 'password';
  $('#show-key').textContent = state.keyShown ? t('hideKey') : t('showKey');
  $('#ffmpeg-command').textContent = state.keyShown
    ? `ffmpeg -re -i video.mp4 -c:v libx264 -preset veryfast -tune zerolatency -g 60 -c:a aac -f flv "${ingest.rtmpUrl}/${ingest.streamKey}"`
    : `ffmpeg -re -i video.mp4 -c:v libx264 -preset veryfast -tune zerolatency -g 60 -c:a aac -f flv "${ingest.rtmpUrl}/${t('streamKeyPlaceholder')}"`;
}

function toggleKey() {
  state.keyShown = !state.keyShown;
  renderIngest();
}

async function copy(text) {
  if (!text) return;
  try {
    await navigator.clipboard.writeText(text);
    toast(t('copied'), 'ok', 1500);
  } catch {
    toast(t('copyFailed'), 'info');
  }
}

async function rotateKey() {
  const rotate = $('#rotate-key');
  if (!state.rotateArmed) {
    state.rotateArmed = true;
    rotate.textContent = t('confirmRotate');
    rotate.classList.add('armed');
    setTimeout(() => {
      state.rotateArmed = false;
      if (rotate.isConnected) {
        rotate.textContent = t('rotateKey');
        rotate.classList.remove('armed');
      }
    }, 4000);
    return;
  }
  state.rotateArmed = false;
  rotate.textContent = t('rotateKey');
  rotate.classList.remove('armed');
  try {
    state.ingest = await call('POST', `/api/streams/${encodeURIComponent(state.selected)}/ingest/rotate`);
    renderIngest();
    toast(t('keyRotated'), 'ok');
  } catch (error) {
    toast(error.message);
  }
}

/** Shows the video's status and previews it as viewers get it (the same HLS, the same player). */
function setVideo(video) {
  state.video = video;
  const badge = $('#video-status');
  if (!badge) return;
  const live = video.status === 'live' && Boolean(video.playbackUrl);
  badge.className = `badge ${live ? 'live' : 'ended'}`;
  badge.textContent = live ? t('videoLive') : t('videoOffline');
  $('#preview').dataset.state = live ? 'live' : 'offline';
  $('#preview-empty').hidden = live;
  if (live) {
    state.preview ??= new VideoPlayer($('#studio-preview'), { live: true });
    state.preview.play(video.playbackUrl);
  } else {
    state.preview?.stop();
  }
}

// ---------------------------------------------------------------- flash offers

function offerForm() {
  const form = h('form.form-grid.offer-form', { id: 'offer-form', novalidate: true },
    h('label.span-2', {}, h('span', {}, t('products')), h('select', { name: 'productId', id: 'offer-product', onchange: onOfferProductChange })),
    h('label', {}, h('span', {}, t('offerPrice')), h('input', { name: 'price', inputmode: 'decimal', required: true, id: 'offer-price' })),
    h('label', {}, h('span', {}, t('currency')), h('select', { name: 'currency', id: 'offer-currency' }, currencies.map((c) => h('option', { value: c }, c)))),
    h('label', {}, h('span', {}, t('offerQuantity')), h('input', { name: 'quantity', inputmode: 'numeric', value: '10', id: 'offer-quantity' })),
    h('label', {}, h('span', {}, t('duration')), h('input', { name: 'durationSeconds', inputmode: 'numeric', value: '60', id: 'offer-duration' })),
    h('label', {}, h('span', {}, t('perViewerLimit')), h('input', { name: 'perViewerLimit', inputmode: 'numeric', value: '1', id: 'offer-limit' })),
    h('div.form-actions', {}, h('button.btn.primary', { type: 'submit', id: 'launch-offer' }, icon('bolt', 'icon tiny'), t('launchOffer'))),
    h('p.muted.small.span-2.offer-terms', { id: 'offer-terms', hidden: true }),
    h('div.form-errors.span-2', { dataset: { errors: '' }, id: 'offer-errors' }));
  form.addEventListener('submit', launchOffer);
  return form;
}

function fillOfferProducts() {
  const select = $('#offer-product');
  if (!select) return;
  const current = select.value;
  replace(select, streamProducts().map((card) => h('option', { value: card.productId }, `${card.name} · ${formatMoney(card.price)}`)));
  if (current && streamProducts().some((c) => c.productId === current)) select.value = current;
  onOfferProductChange();
  productOptions($('#auction-product'));
  onAuctionProductChange();
  productOptions($('#giveaway-product'));
  const voucherCurrency = $('#voucher-currency');
  if (voucherCurrency && !voucherCurrency.dataset.touched) {
    voucherCurrency.value = streamCurrency();
    onVoucherKindChange();
  }
}

function onOfferProductChange() {
  const card = streamProducts().find((c) => c.productId === $('#offer-product')?.value);
  showOfferTerms(card?.productId);
  if (!card) return;
  $('#offer-currency').value = card.price.currency;
  if (!$('#offer-price').value) $('#offer-price').value = toMajorString({ amount: Math.floor(card.price.amount * 0.8), currency: card.price.currency });
}

/** Under the offer form, for another seller's product: the terms the seller set for other creators' offers. */
async function showOfferTerms(productId) {
  const host = $('#offer-terms');
  if (!host) return;
  const own = productId ? state.catalog.get(productId) : null;
  if (!productId || (own && (!own.sellerId || own.sellerId === sub()))) {
    host.hidden = true;
    return;
  }
  try {
    const product = await call('GET', `/api/products/${encodeURIComponent(productId)}`);
    if ($('#offer-product')?.value !== productId) return;
    host.hidden = product.sellerId === sub();
    host.textContent = product.terms ? t('sellerTerms', { terms: termsParts(product.terms) }) : t('sellerNoTerms');
  } catch {
    host.hidden = true;
  }
}

/** Validates the offer form against the product; answers { body } or { errors: {field: message} }. */
export function validateOffer(values, card) {
  const errors = {};
  if (!card) errors.productId = t('err_required');
  const currency = values.currency;
  const amount = parseMajor(values.price, currency);
  if (amount === null) {
    errors.price = String(values.price ?? '').trim() === ''
      ? t('err_required')
      : t('err_minor', { currency, digits: minorDigits(currency) });
  }
  if (card && currency !== card.price.currency) errors.currency = t('err_currency', { currency: card.price.currency });
  else if (card && amount !== null && amount > card.price.amount) errors.price = t('err_priceAbove', { price: formatMoney(card.price) });
  const whole = (text) => (/^\d+$/.test(String(text ?? '').trim()) ? Number(text) : NaN);
  const quantity = whole(values.quantity);
  if (!(quantity >= 1)) errors.quantity = t('err_quantity');
  const duration = whole(values.durationSeconds);
  if (!(duration >= 10 && duration <= 86400)) errors.durationSeconds = t('err_duration');
  const limit = whole(values.perViewerLimit);
  if (!(limit >= 1)) errors.perViewerLimit = t('err_limit');
  if (Object.keys(errors).length > 0) return { errors };
  return { body: { productId: card.productId, price: { amount, currency }, quantity, durationSeconds: duration, perViewerLimit: limit } };
}

async function launchOffer(event) {
  event.preventDefault();
  const form = event.currentTarget;
  const values = Object.fromEntries(new FormData(form));
  const card = streamProducts().find((c) => c.productId === values.productId);
  const result = validateOffer(values, card);
  for (const field of form.querySelectorAll('.invalid')) field.classList.remove('invalid');
  if (result.errors) {
    for (const name of Object.keys(result.errors)) form.elements[name]?.classList.add('invalid');
    replace(form.querySelector('[data-errors]'), Object.values(result.errors).map((m) => h('div', {}, m)));
    return;
  }
  showErrors(form, null);
  try {
    const offer = await call('POST', `/api/streams/${encodeURIComponent(state.selected)}/offers`, result.body);
    if (offer?.id) state.offers.set(offer.id, offer);
    renderOffers();
    $('#offer-price').value = '';
    onOfferProductChange();
  } catch (error) {
    // A refusal says why (e.g. the seller's terms for other creators' streams): show the engine's reason.
    if (error.notAvailable && !error.problem?.detail?.match(/offer|product|stream/i)) showErrors(form, t('notAvailable'));
    else if (error.problem?.detail && !error.errors) showErrors(form, error.problem.detail);
    else showErrors(form, error);
  }
}

function renderOffers() {
  const host = $('#offer-list');
  if (!host) return;
  const offers = [...state.offers.values()];
  replace(host, offers.length === 0
    ? h('p.empty', {}, t('noOffers'))
    : offers.map((offer) => h('div.offer-row', { dataset: { offerId: offer.id, endsAt: offer.endsAt } },
      icon('bolt', 'icon accent'),
      h('div.catalog-text', {},
        h('strong', {}, offer.name),
        h('span.muted.small', {}, `${formatMoney(offer.price)} · ${t('left', { count: formatNumber(offer.remaining) })} / ${formatNumber(offer.quantity)}`)),
      h('span.offer-time', {}),
      h('button.btn.small.danger', { type: 'button', onclick: () => cancelOffer(offer.id) }, t('cancelOffer')))));
  tickOffers();
}

function tickOffers() {
  for (const row of document.querySelectorAll('.offer-row[data-ends-at]')) {
    const seconds = Math.max(0, Math.ceil((new Date(row.dataset.endsAt).getTime() - Date.now()) / 1000));
    row.querySelector('.offer-time').textContent = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  }
}

async function cancelOffer(offerId) {
  try {
    await call('DELETE', `/api/streams/${encodeURIComponent(state.selected)}/offers/${encodeURIComponent(offerId)}`);
    state.offers.delete(offerId);
    renderOffers();
  } catch (error) {
    toast(error.notAvailable && error.status === 405 ? t('notAvailable') : error.message);
  }
}

// ---------------------------------------------------------------- live auctions, giveaways and vouchers

const MAX_MONEY = 1_000_000_000_000;
const whole = (text) => (/^\d+$/.test(String(text ?? '').trim()) ? Number(String(text).trim()) : NaN);

/** A money field of a form: { amount } in minor units, or { error } (empty is { amount: null } when optional). */
function moneyField(text, currency, { optional = false, positive = true } = {}) {
  if (String(text ?? '').trim() === '') return optional ? { amount: null } : { error: t('err_required') };
  const amount = parseMajor(text, currency);
  if (amount === null) return { error: t('err_minor', { currency, digits: minorDigits(currency) }) };
  if (positive && amount <= 0) return { error: t('err_positive') };
  if (amount > MAX_MONEY) return { error: t('err_tooBig') };
  return { amount };
}

function durationField(text) {
  const duration = whole(text);
  return duration >= 10 && duration <= 86400 ? duration : null;
}

function showFormErrors(form, errors) {
  for (const field of form.querySelectorAll('.invalid')) field.classList.remove('invalid');
  for (const name of Object.keys(errors)) form.elements[name]?.classList.add('invalid');
  replace(form.querySelector('[data-errors]'), Object.values(errors).map((m) => h('div', {}, m)));
}

/** A refusal of the engine, in the form: its reason (e.g. the seller's terms) or its field errors. */
function showEngineError(form, error) {
  if (error.notAvailable && !error.problem?.detail) showErrors(form, t('notAvailable'));
  else if (error.problem?.detail && !error.errors) showErrors(form, error.problem.detail);
  else showErrors(form, error);
}

function productOptions(select) {
  if (!select) return;
  const current = select.value;
  replace(select, streamProducts().map((card) => h('option', { value: card.productId }, `${card.name} · ${formatMoney(card.price)}`)));
  if (current && streamProducts().some((c) => c.productId === current)) select.value = current;
}

function countdownText(endsAt) {
  return formatCountdown(msUntil(endsAt));
}

function rowTime(endsAt) {
  return h('span.offer-time.promo-time', { dataset: { endsAt: endsAt ?? '' } }, countdownText(endsAt));
}

function tickPromoRows() {
  for (const element of document.querySelectorAll('.promo-row[data-state="active"] .promo-time[data-ends-at]')) {
    element.textContent = countdownText(element.dataset.endsAt);
  }
}

function streamPath(...parts) {
  return [`/api/streams/${encodeURIComponent(state.selected)}`, ...parts.map((p) => encodeURIComponent(p))].join('/');
}

// ----- auctions

function auctionForm() {
  const form = h('form.form-grid.promo-form', { id: 'auction-form', novalidate: true },
    h('label.span-2', {}, h('span', {}, t('products')), h('select', { name: 'productId', id: 'auction-product', onchange: onAuctionProductChange })),
    h('label', {}, h('span', { dataset: { currencyLabel: 'startingBidIn' } }, t('startingBidIn', { currency: '…' })),
      h('input', { name: 'startingBid', inputmode: 'decimal', id: 'auction-start' })),
    h('label', {}, h('span', { dataset: { currencyLabel: 'bidIncrementIn' } }, t('bidIncrementIn', { currency: '…' })),
      h('input', { name: 'bidIncrement', inputmode: 'decimal', id: 'auction-increment' })),
    h('label', {}, h('span', {}, t('duration')), h('input', { name: 'durationSeconds', inputmode: 'numeric', value: '120', id: 'auction-duration' })),
    h('label', {}, h('span', {}, t('antiSnipe')), h('input', { name: 'antiSnipeSeconds', inputmode: 'numeric', value: '10', id: 'auction-antisnipe' })),
    h('label', {}, h('span', { dataset: { currencyLabel: 'reserveIn' } }, t('reserveIn', { currency: '…' })),
      h('input', { name: 'reservePrice', inputmode: 'decimal', id: 'auction-reserve', placeholder: '—' })),
    h('label.check.span-2', {}, h('input', { type: 'checkbox', name: 'suddenDeath', id: 'auction-sudden' }), h('span', {}, t('suddenDeathLabel'))),
    h('div.form-actions', {}, h('button.btn.primary', { type: 'submit', id: 'launch-auction' }, icon('gavel', 'icon tiny'), t('startAuction'))),
    h('div.form-errors.span-2', { dataset: { errors: '' }, id: 'auction-errors' }));
  form.addEventListener('submit', launchAuction);
  return form;
}

function onAuctionProductChange() {
  const card = streamProducts().find((c) => c.productId === $('#auction-product')?.value);
  const form = $('#auction-form');
  if (!form) return;
  const currency = card?.price.currency ?? '…';
  for (const label of form.querySelectorAll('[data-currency-label]')) label.textContent = t(label.dataset.currencyLabel, { currency });
  if (!card) return;
  if (!$('#auction-start').value) $('#auction-start').value = toMajorString({ amount: Math.max(1, Math.floor(card.price.amount / 2)), currency });
  if (!$('#auction-increment').value) {
    const step = Math.max(1, Math.floor(card.price.amount / 20));
    $('#auction-increment').value = toMajorString({ amount: step, currency });
  }
}

/** Validates the auction form against the product; answers { body } or { errors: {field: message} }. */
export function validateAuction(values, card) {
  const errors = {};
  if (!card) errors.productId = t('err_required');
  const currency = card?.price.currency ?? 'IDR';
  const start = moneyField(values.startingBid, currency);
  if (start.error) errors.startingBid = `${t('startingBid')}: ${start.error}`;
  const increment = moneyField(values.bidIncrement, currency);
  if (increment.error) errors.bidIncrement = `${t('bidIncrementIn', { currency })}: ${increment.error}`;
  const reserve = moneyField(values.reservePrice, currency, { optional: true });
  if (reserve.error) errors.reservePrice = `${t('reserveIn', { currency })}: ${reserve.error}`;
  else if (reserve.amount !== null && start.amount != null && reserve.amount < start.amount) errors.reservePrice = t('err_reserve');
  const duration = durationField(values.durationSeconds);
  if (duration === null) errors.durationSeconds = t('err_duration');
  const antiSnipe = whole(values.antiSnipeSeconds);
  if (!(antiSnipe >= 0 && antiSnipe <= 86400)) errors.antiSnipeSeconds = t('err_antiSnipe');
  if (Object.keys(errors).length > 0) return { errors };
  const body = {
    productId: card.productId,
    startingBid: { amount: start.amount, currency },
    bidIncrement: { amount: increment.amount, currency },
    durationSeconds: duration,
    antiSnipeSeconds: antiSnipe,
    suddenDeath: values.suddenDeath === 'on' || values.suddenDeath === true,
  };
  if (reserve.amount !== null) body.reservePrice = { amount: reserve.amount, currency };
  return { body };
}

async function launchAuction(event) {
  event.preventDefault();
  const form = event.currentTarget;
  const values = Object.fromEntries(new FormData(form));
  const card = streamProducts().find((c) => c.productId === values.productId);
  const result = validateAuction(values, card);
  if (result.errors) {
    showFormErrors(form, result.errors);
    return;
  }
  showErrors(form, null);
  const submit = $('#launch-auction');
  submit.disabled = true;
  try {
    const auction = await call('POST', streamPath('auctions'), result.body);
    if (auction?.id && !state.auctions.has(auction.id)) state.auctions.set(auction.id, { auction, result: null });
    renderAuctions();
    $('#auction-start').value = '';
    $('#auction-increment').value = '';
    $('#auction-reserve').value = '';
    onAuctionProductChange();
  } catch (error) {
    showEngineError(form, error);
  } finally {
    submit.disabled = false;
  }
}

function auctionResultSummary(result) {
  switch (result.reason) {
    case 'sold': return t('auctionSoldTo', { user: result.winnerId ?? '?', price: formatMoney(result.price) });
    case 'noBids': return t('auctionNoBids');
    case 'reserveNotMet': return t('auctionReserveNotMet');
    case 'cancelled': return t('auctionCancelled');
    default: return t('auctionOver');
  }
}

function renderAuctions() {
  const host = $('#auction-list');
  if (!host) return;
  const entries = [...state.auctions.values()];
  replace(host, entries.length === 0
    ? h('p.empty', {}, t('noAuctions'))
    : entries.map(({ auction, result }) => h('div.offer-row.promo-row.auction-row', {
      dataset: { auctionId: auction.id, state: result ? 'ended' : 'active', testid: 'studio-auction' },
    },
    icon('gavel', 'icon accent'),
    h('div.catalog-text', {},
      h('strong', {}, auction.name),
      h('span.muted.small', {},
        h('span', { dataset: { testid: 'studio-auction-bid' } },
          `${auction.currentBid ? t('currentBid') : t('startingBid')} ${formatMoney(auction.currentBid ?? auction.startingBid)}`),
        ' · ',
        h('span', { dataset: { testid: 'studio-auction-bids', count: String(auction.bids ?? 0) } }, bidsText(auction.bids ?? 0)),
        ' · ',
        h('span', { dataset: { testid: 'studio-auction-leader', leaderId: auction.leaderId ?? '' } },
          auction.leaderId ? `${t('leader')}: ${auction.leaderId}` : t('noBidsYet'))),
      auction.suddenDeath || auction.reservePrice ? h('span.muted.small', {},
        [auction.suddenDeath ? t('suddenDeath') : null,
          auction.reservePrice ? `${t('reserve')} ${formatMoney(auction.reservePrice)}` : null]
          .filter(Boolean).join(' · ')) : null,
      result ? h('span.promo-outcome', { dataset: { testid: 'studio-auction-result', reason: result.reason } }, auctionResultSummary(result)) : null),
    result ? null : rowTime(auction.endsAt),
    result
      ? h('button.btn.small', { type: 'button', onclick: () => { state.auctions.delete(auction.id); renderAuctions(); } }, t('dismiss'))
      : h('button.btn.small.danger', { type: 'button', dataset: { testid: 'studio-auction-cancel' }, onclick: () => cancelPromo('auctions', auction.id) }, t('cancelOffer')))));
}

function onBidPlaced(event) {
  const entry = state.auctions.get(event.auctionId);
  if (!entry || entry.result) return;
  const { auction } = entry;
  if (typeof event.bids === 'number' && event.bids < (auction.bids ?? 0)) return;
  entry.auction = {
    ...auction,
    currentBid: event.currentBid ?? auction.currentBid,
    leaderId: event.leaderId ?? auction.leaderId,
    bids: event.bids ?? auction.bids,
    nextBid: event.nextBid ?? auction.nextBid,
    endsAt: laterTime(auction.endsAt, event.endsAt),
  };
  renderAuctions();
}

function onAuctionEnded(event) {
  const entry = state.auctions.get(event.auctionId);
  const result = { reason: event.reason ?? 'noBids', winnerId: event.winnerId ?? null, price: event.price ?? null };
  if (entry) {
    entry.result = result;
    entry.auction = {
      ...entry.auction,
      status: 'ended',
      winnerId: result.winnerId,
      leaderId: result.winnerId ?? entry.auction.leaderId,
      currentBid: result.price ?? entry.auction.currentBid,
    };
  }
  renderAuctions();
}

// ----- giveaways

function giveawayForm() {
  const form = h('form.form-grid.promo-form', { id: 'giveaway-form', novalidate: true },
    h('label.span-2', {}, h('span', {}, t('products')), h('select', { name: 'productId', id: 'giveaway-product' })),
    h('label', {}, h('span', {}, t('winnersLabel')), h('input', { name: 'winners', inputmode: 'numeric', value: '1', id: 'giveaway-winners' })),
    h('label', {}, h('span', {}, t('duration')), h('input', { name: 'durationSeconds', inputmode: 'numeric', value: '120', id: 'giveaway-duration' })),
    h('div.form-actions', {}, h('button.btn.primary', { type: 'submit', id: 'launch-giveaway' }, icon('gift', 'icon tiny'), t('startGiveaway'))),
    h('div.form-errors.span-2', { dataset: { errors: '' }, id: 'giveaway-errors' }));
  form.addEventListener('submit', launchGiveaway);
  return form;
}

/** Validates the giveaway form; answers { body } or { errors }. */
export function validateGiveaway(values, card) {
  const errors = {};
  if (!card) errors.productId = t('err_required');
  const winners = whole(values.winners);
  if (!(winners >= 1)) errors.winners = t('err_winners');
  const duration = durationField(values.durationSeconds);
  if (duration === null) errors.durationSeconds = t('err_duration');
  if (Object.keys(errors).length > 0) return { errors };
  return { body: { productId: card.productId, winners, durationSeconds: duration } };
}

async function launchGiveaway(event) {
  event.preventDefault();
  const form = event.currentTarget;
  const values = Object.fromEntries(new FormData(form));
  const card = streamProducts().find((c) => c.productId === values.productId);
  const result = validateGiveaway(values, card);
  if (result.errors) {
    showFormErrors(form, result.errors);
    return;
  }
  showErrors(form, null);
  const submit = $('#launch-giveaway');
  submit.disabled = true;
  try {
    const giveaway = await call('POST', streamPath('giveaways'), result.body);
    if (giveaway?.id && !state.giveaways.has(giveaway.id)) state.giveaways.set(giveaway.id, { giveaway, result: null });
    renderGiveaways();
  } catch (error) {
    showEngineError(form, error);
  } finally {
    submit.disabled = false;
  }
}

function renderGiveaways() {
  const host = $('#giveaway-list');
  if (!host) return;
  const entries = [...state.giveaways.values()];
  replace(host, entries.length === 0
    ? h('p.empty', {}, t('noGiveaways'))
    : entries.map((entry) => {
      const { giveaway, result } = entry;
      const entrants = result?.entrants ?? giveaway.entrants ?? 0;
      return h('div.offer-row.promo-row.giveaway-row', { dataset: { giveawayId: giveaway.id, state: result ? 'ended' : 'active', testid: 'studio-giveaway' } },
        h('div.promo-row-head', {},
          icon('gift', 'icon accent'),
          h('div.catalog-text', {},
            h('strong', {}, giveaway.name),
            h('span.muted.small', {},
              h('span', { dataset: { testid: 'studio-giveaway-entrants', count: String(entrants) } }, t('entrants', { count: formatNumber(entrants) })),
              ' · ', winnersText(giveaway.winners ?? 1))),
          result ? null : rowTime(giveaway.endsAt),
          result
            ? h('button.btn.small', { type: 'button', onclick: () => { state.giveaways.delete(giveaway.id); renderGiveaways(); } }, t('dismiss'))
            : h('button.btn.small.danger', { type: 'button', dataset: { testid: 'studio-giveaway-cancel' }, onclick: () => cancelPromo('giveaways', giveaway.id) }, t('cancelOffer'))),
        h('div.fair-box', {},
          h('div.fair-row', {}, h('span.muted.small', {}, t('commitment')), h('code.hex', { dataset: { testid: 'studio-giveaway-commitment' } }, giveaway.commitment ?? '')),
          result?.seed ? h('div.fair-row', {}, h('span.muted.small', {}, t('seed')), h('code.hex', { dataset: { testid: 'studio-giveaway-seed' } }, result.seed)) : null,
          result && entry.verified !== undefined && entry.verified !== null
            ? h('span.fair-check', { class: entry.verified ? 'ok' : 'bad', dataset: { testid: 'studio-giveaway-verified', verified: String(entry.verified) } },
              entry.verified ? t('seedVerified') : t('seedMismatch'))
            : null,
          result ? h('span.promo-outcome', { dataset: { testid: 'studio-giveaway-winners' } },
            result.reason === 'cancelled' ? t('giveawayCancelled')
              : (result.winnerIds ?? []).length === 0 ? t('giveawayNoEntrants')
                : t('giveawayWinnersAre', { users: result.winnerIds.join(', ') })) : null,
          entry.entrantIds
            ? h('span.muted.small', { dataset: { testid: 'studio-giveaway-entrant-list' } },
              entry.entrantIds.length === 0 ? t('noEntrants') : t('entrantsList', { users: entry.entrantIds.join(', ') }))
            : h('button.link', { type: 'button', onclick: () => loadEntrants(giveaway.id) }, t('showEntrants'))));
    }));
}

async function loadEntrants(giveawayId) {
  try {
    const giveaway = await call('GET', streamPath('giveaways', giveawayId));
    const entry = state.giveaways.get(giveawayId);
    if (!entry) return;
    entry.entrantIds = giveaway?.entrantIds ?? [];
    entry.giveaway = { ...entry.giveaway, entrants: Math.max(entry.giveaway.entrants ?? 0, giveaway?.entrants ?? 0) };
    renderGiveaways();
  } catch (error) {
    toast(error.message);
  }
}

function onGiveawayEnded(event) {
  const entry = state.giveaways.get(event.giveawayId);
  if (!entry) return;
  entry.result = { winnerIds: event.winnerIds ?? [], entrants: event.entrants ?? entry.giveaway.entrants ?? 0, seed: event.seed ?? null, reason: event.reason ?? null };
  entry.giveaway = { ...entry.giveaway, status: 'ended' };
  entry.entrantIds = null;
  renderGiveaways();
  verifySeed(entry.result.seed, entry.giveaway.commitment).then((verified) => {
    entry.verified = verified;
    renderGiveaways();
  });
}

// ----- vouchers

function voucherForm() {
  const form = h('form.form-grid.promo-form', { id: 'voucher-form', novalidate: true },
    h('label', {}, h('span', {}, t('discountKind')),
      h('select', { name: 'kind', id: 'voucher-kind', onchange: onVoucherKindChange },
        h('option', { value: 'percent' }, t('percentOff')), h('option', { value: 'amount' }, t('amountOff')))),
    h('label', {}, h('span', { id: 'voucher-value-label' }, `${t('discountValue')} (%)`), h('input', { name: 'value', inputmode: 'decimal', value: '10', id: 'voucher-value' })),
    h('label', {}, h('span', {}, t('currency')), h('select', { name: 'currency', id: 'voucher-currency', onchange: (event) => { event.target.dataset.touched = 'true'; onVoucherKindChange(); } }, currencies.map((c) => h('option', { value: c }, c)))),
    h('label', {}, h('span', { id: 'voucher-min-label' }, t('minSpendIn', { currency: 'IDR' })), h('input', { name: 'minSpend', inputmode: 'decimal', value: '0', id: 'voucher-min-spend' })),
    h('label', {}, h('span', {}, t('voucherQuantity')), h('input', { name: 'quantity', inputmode: 'numeric', value: '50', id: 'voucher-quantity' })),
    h('label', {}, h('span', {}, t('perViewerLimit')), h('input', { name: 'perViewerLimit', inputmode: 'numeric', value: '1', id: 'voucher-limit' })),
    h('label', {}, h('span', {}, t('duration')), h('input', { name: 'durationSeconds', inputmode: 'numeric', value: '300', id: 'voucher-duration' })),
    h('div.form-actions', {}, h('button.btn.primary', { type: 'submit', id: 'launch-voucher' }, icon('ticket', 'icon tiny'), t('dropVoucher'))),
    h('div.form-errors.span-2', { dataset: { errors: '' }, id: 'voucher-errors' }));
  form.addEventListener('submit', launchVoucher);
  return form;
}

function onVoucherKindChange() {
  const kind = $('#voucher-kind')?.value;
  const currency = $('#voucher-currency')?.value ?? 'IDR';
  if (!kind) return;
  $('#voucher-value-label').textContent = `${t('discountValue')} (${kind === 'percent' ? '%' : currency})`;
  $('#voucher-min-label').textContent = t('minSpendIn', { currency });
}

/** The currency most of the stream's products are priced in (the voucher form's default). */
function streamCurrency() {
  const counts = new Map();
  for (const card of streamProducts()) counts.set(card.price.currency, (counts.get(card.price.currency) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'IDR';
}

/** Validates the voucher form; answers { body } or { errors }. */
export function validateVoucher(values) {
  const errors = {};
  const currency = values.currency || 'IDR';
  const discount = {};
  if (values.kind === 'amount') {
    const amount = moneyField(values.value, currency);
    if (amount.error) errors.value = `${t('amountOff')}: ${amount.error}`;
    else discount.amount = { amount: amount.amount, currency };
  } else {
    const percent = whole(values.value);
    if (!(percent >= 1 && percent <= 90)) errors.value = t('err_percent');
    else discount.percent = percent;
  }
  const minSpend = moneyField(values.minSpend === '' ? '0' : values.minSpend, currency, { positive: false });
  if (minSpend.error) errors.minSpend = `${t('minSpendIn', { currency })}: ${minSpend.error}`;
  const quantity = whole(values.quantity);
  if (!(quantity >= 1)) errors.quantity = t('err_quantity');
  const limit = whole(values.perViewerLimit);
  if (!(limit >= 1)) errors.perViewerLimit = t('err_limit');
  const duration = durationField(values.durationSeconds);
  if (duration === null) errors.durationSeconds = t('err_duration');
  if (Object.keys(errors).length > 0) return { errors };
  return {
    body: { discount, minSpend: { amount: minSpend.amount, currency }, quantity, perViewerLimit: limit, durationSeconds: duration },
  };
}

async function launchVoucher(event) {
  event.preventDefault();
  const form = event.currentTarget;
  const result = validateVoucher(Object.fromEntries(new FormData(form)));
  if (result.errors) {
    showFormErrors(form, result.errors);
    return;
  }
  showErrors(form, null);
  const submit = $('#launch-voucher');
  submit.disabled = true;
  try {
    const voucher = await call('POST', streamPath('vouchers'), result.body);
    if (voucher?.id && !state.vouchers.has(voucher.id)) state.vouchers.set(voucher.id, { voucher, endedReason: null });
    renderVouchers();
  } catch (error) {
    showEngineError(form, error);
  } finally {
    submit.disabled = false;
  }
}

function renderVouchers() {
  const host = $('#voucher-list');
  if (!host) return;
  const entries = [...state.vouchers.values()];
  replace(host, entries.length === 0
    ? h('p.empty', {}, t('noVouchers'))
    : entries.map(({ voucher, endedReason }) => h('div.offer-row.promo-row.voucher-row', {
      dataset: { voucherId: voucher.id, state: endedReason ? 'ended' : 'active', testid: 'studio-voucher' },
    },
    icon('ticket', 'icon accent'),
    h('div.catalog-text', {},
      h('strong', {}, discountText(voucher.discount)),
      h('span.muted.small', {},
        voucher.minSpend?.amount > 0 ? `${t('minSpend', { amount: formatMoney(voucher.minSpend) })} · ` : '',
        h('span', { dataset: { testid: 'studio-voucher-remaining', count: String(voucher.remaining ?? 0) } },
          t('remainingOf', { remaining: formatNumber(voucher.remaining ?? 0), quantity: formatNumber(voucher.quantity ?? 0) })),
        ' · ', `${t('perViewerLimit')}: ${voucher.perViewerLimit ?? 1}`),
      endedReason ? h('span.promo-outcome', {}, `${t('voucherEnded')} (${t(`reason_${endedReason}`)})`) : null),
    endedReason ? null : rowTime(voucher.endsAt),
    endedReason
      ? h('button.btn.small', { type: 'button', onclick: () => { state.vouchers.delete(voucher.id); renderVouchers(); } }, t('dismiss'))
      : h('button.btn.small.danger', { type: 'button', dataset: { testid: 'studio-voucher-cancel' }, onclick: () => cancelPromo('vouchers', voucher.id) }, t('cancelOffer')))));
}

// ----- shared

async function cancelPromo(kind, id) {
  try {
    await call('DELETE', streamPath(kind, id));
    // The engine's end event brings the outcome (reason "cancelled").
  } catch (error) {
    toast(error.notAvailable && error.status === 405 ? t('notAvailable') : error.message);
  }
}

function renderPromos() {
  renderAuctions();
  renderGiveaways();
  renderVouchers();
}

/** The snapshot's running auctions, giveaways and vouchers; ended ones on screen stay until dismissed. */
function applyPromoSnapshot(snapshot) {
  const merge = (map, list, key, make) => {
    const next = new Map();
    for (const item of list ?? []) {
      if (item.status === 'ended') continue;
      const previous = map.get(item.id);
      next.set(item.id, previous ? { ...previous, [key]: { ...previous[key], ...item } } : make(item));
    }
    for (const [id, entry] of map) {
      if (next.has(id)) continue;
      if (entry.result || entry.endedReason) next.set(id, entry);
      else if (key !== 'voucher') next.set(id, entry); // ended while away: its outcome is read below
    }
    return next;
  };
  state.auctions = merge(state.auctions, snapshot.auctions, 'auction', (auction) => ({ auction, result: null }));
  state.giveaways = merge(state.giveaways, snapshot.giveaways, 'giveaway', (giveaway) => ({ giveaway, result: null }));
  state.vouchers = merge(state.vouchers, snapshot.vouchers, 'voucher', (voucher) => ({ voucher, endedReason: null }));
  const listed = (list) => new Set((list ?? []).filter((x) => x.status !== 'ended').map((x) => x.id));
  const auctionIds = listed(snapshot.auctions);
  const giveawayIds = listed(snapshot.giveaways);
  for (const [id, entry] of state.auctions) if (!entry.result && !auctionIds.has(id)) readEndedAuction(id);
  for (const [id, entry] of state.giveaways) if (!entry.result && !giveawayIds.has(id)) readEndedGiveaway(id);
  renderPromos();
}

async function readEndedAuction(id) {
  try {
    const auction = await call('GET', streamPath('auctions', id));
    const entry = state.auctions.get(id);
    if (!entry || !auction) return;
    entry.auction = { ...entry.auction, ...auction };
    if (auction.status === 'ended') {
      entry.result = {
        reason: auction.endReason ?? (auction.winnerId ? 'sold' : 'noBids'),
        winnerId: auction.winnerId ?? null,
        price: auction.price ?? auction.currentBid ?? null,
      };
    }
    renderAuctions();
  } catch {
    state.auctions.delete(id);
    renderAuctions();
  }
}

async function readEndedGiveaway(id) {
  try {
    const giveaway = await call('GET', streamPath('giveaways', id));
    const entry = state.giveaways.get(id);
    if (!entry || !giveaway) return;
    entry.giveaway = { ...entry.giveaway, ...giveaway };
    if (giveaway.status === 'ended') {
      onGiveawayEnded({ giveawayId: id, winnerIds: giveaway.winnerIds ?? [], entrants: giveaway.entrants, seed: giveaway.seed, reason: giveaway.endReason });
    } else {
      renderGiveaways();
    }
  } catch {
    state.giveaways.delete(id);
    renderGiveaways();
  }
}

// ---------------------------------------------------------------- analytics and suggestions

function buildCharts() {
  const viewersCanvas = $('#viewers-chart');
  const funnelCanvas = $('#funnel-chart');
  state.charts.viewers = new Chart(viewersCanvas, {
    type: 'line',
    data: { labels: [], datasets: [{ label: t('viewersLabel'), data: [], borderColor: '#ff2d55', backgroundColor: 'rgba(255,45,85,0.18)', fill: true, tension: 0.35, pointRadius: 0, borderWidth: 2 }] },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      plugins: { legend: { display: false } },
      scales: { y: { beginAtZero: true, ticks: { precision: 0 } }, x: { ticks: { maxTicksLimit: 6 } } },
    },
  });
  state.charts.funnel = new Chart(funnelCanvas, {
    type: 'bar',
    data: {
      labels: [],
      datasets: [
        { label: t('impressions'), data: [], backgroundColor: '#5b5bf0' },
        { label: t('clicks'), data: [], backgroundColor: '#2dd4bf' },
        { label: t('addToCarts'), data: [], backgroundColor: '#fbbf24' },
        { label: t('purchases'), data: [], backgroundColor: '#ff2d55' },
      ],
    },
    options: {
      animation: { duration: 250 },
      responsive: true,
      maintainAspectRatio: false,
      plugins: { legend: { position: 'bottom', labels: { boxWidth: 10 } } },
      scales: { y: { beginAtZero: true, ticks: { precision: 0 } }, x: { ticks: { autoSkip: false, maxRotation: 0, callback(value) { const label = this.getLabelForValue(value); return label.length > 14 ? `${label.slice(0, 13)}…` : label; } } } },
    },
  });
}

function sampleViewers(count) {
  state.samples.push({ at: new Date(), viewers: count });
  if (state.samples.length > MAX_SAMPLES) state.samples.shift();
  const chart = state.charts.viewers;
  if (!chart) return;
  chart.data.labels = state.samples.map((s) => clock.format(s.at));
  chart.data.datasets[0].data = state.samples.map((s) => s.viewers);
  chart.update('none');
}

async function pollAnalytics() {
  const id = state.selected;
  if (!id) return;
  try {
    const analytics = await call('GET', `/api/streams/${encodeURIComponent(id)}/analytics`);
    if (id !== state.selected) return;
    state.analyticsAvailable = true;
    $('#analytics-note').hidden = true;
    renderKpi('viewers', formatNumber(analytics.viewers ?? 0));
    renderKpi('peak', formatNumber(analytics.peakViewers ?? 0));
    renderKpi('unique', formatNumber(analytics.uniqueViewers ?? 0));
    renderKpi('reactions', formatNumber(analytics.reactions ?? 0));
    renderKpi('comments', formatNumber(analytics.comments ?? 0));
    const rows = analytics.products ?? [];
    const currency = rows.find((r) => r.revenue?.currency)?.revenue.currency;
    const revenue = rows.reduce((sum, r) => sum + (r.revenue?.currency === currency ? r.revenue.amount : 0), 0);
    renderKpi('revenue', currency ? formatMoney({ amount: revenue, currency }) : '–');
    sampleViewers(analytics.viewers ?? 0);
    const names = new Map(streamProducts().map((c) => [c.productId, c.name]));
    const funnel = state.charts.funnel;
    funnel.data.labels = rows.map((r) => names.get(r.productId) ?? r.productId);
    funnel.data.datasets[0].data = rows.map((r) => r.impressions ?? 0);
    funnel.data.datasets[1].data = rows.map((r) => r.clicks ?? 0);
    funnel.data.datasets[2].data = rows.map((r) => r.addToCarts ?? 0);
    funnel.data.datasets[3].data = rows.map((r) => r.purchases ?? 0);
    funnel.update();
  } catch (error) {
    if (id !== state.selected) return;
    if (error.notAvailable) {
      state.analyticsAvailable = false;
      $('#analytics-note').hidden = false;
      // Still draw the audience from the hub's viewer counts.
      sampleViewers(state.lastViewers);
    } else if (error.status === 403 || error.status === 401) {
      $('#analytics-note').hidden = false;
      $('#analytics-note').textContent = error.message;
    }
  }
}

async function pollSuggestions() {
  const id = state.selected;
  if (!id) return;
  const host = $('#suggestions');
  try {
    const suggestions = (await call('GET', `/api/streams/${encodeURIComponent(id)}/suggestions`)) ?? [];
    if (id !== state.selected || !host) return;
    const names = new Map(streamProducts().map((c) => [c.productId, c]));
    const pinnedId = state.snapshot?.pinned?.productId;
    replace(host, suggestions.length === 0
      ? h('p.empty', {}, t('noSuggestions'))
      : suggestions.slice(0, 6).map((s, index) => {
        const card = names.get(s.productId) ?? { name: s.productId, productId: s.productId };
        return h('div.suggestion', { dataset: { productId: s.productId } },
          h('span.rank', {}, `#${index + 1}`),
          h('div.catalog-text', {},
            h('strong', {}, card.name),
            h('span.muted.small', {}, (s.reasons ?? []).join(' · ') || `score ${Number(s.score).toFixed(2)}`)),
          h('span.score', {}, Number(s.score).toFixed(2)),
          s.productId === pinnedId
            ? h('span.chip.pinned-chip', {}, t('pinnedNow'))
            : h('button.btn.small.primary', { type: 'button', dataset: { suggestPin: s.productId }, onclick: () => pin(s.productId) }, icon('pin', 'icon tiny'), t('pin')));
      }));
  } catch (error) {
    if (id !== state.selected || !host) return;
    replace(host, h('p.empty', {}, error.notAvailable ? t('notAvailable') : error.message));
  }
}

const loggedKeys = new Map();

function logEvent(text, kind, key) {
  const log = $('#events');
  if (!log) return;
  log.querySelector('.empty')?.remove();
  if (key && loggedKeys.get(key)?.isConnected) {
    // Folded: the latest value of a counter replaces the previous line.
    const line = loggedKeys.get(key);
    line.querySelector('.event-text').textContent = text;
    line.querySelector('time').textContent = formatTime(new Date());
    log.prepend(line);
    return;
  }
  const line = h(`li.event.${kind}`, {}, h('time', {}, formatTime(new Date())), h('span.event-text', {}, text));
  if (key) loggedKeys.set(key, line);
  log.prepend(line);
  while (log.children.length > 80) log.lastElementChild.remove();
}

// ---------------------------------------------------------------- start

translatePage();
replace($('#product-currency'), currencies.map((c) => h('option', { value: c }, c)));
$('#product-form').elements.sku.value = `SKU-${Math.random().toString(36).slice(2, 8).toUpperCase()}`;
try {
  $('#creator-sub').value = localStorage.getItem('livecommerce.studio.lastCreator') ?? randomId('creator');
} catch {
  $('#creator-sub').value = randomId('creator');
}
tokens.acceptHandover();
renderAccount();
devTokensAvailable().then((available) => {
  state.devTokens = available;
  renderAccount();
});
if (tokens.token) onSignedIn();
window.livecommerceStudio = { get state() { return state; }, tokens, selectStream };
