// What the viewer page and the studio share about live auctions, giveaways and vouchers: the next bid, a voucher's
// label, the countdown text and the check of a giveaway's draw (SHA-256 of the published seed = the commitment).
import { t, formatNumber } from './i18n.js';
import { formatMoney } from './money.js';

/** The least amount a new bid must be: the engine's nextBid, else the starting bid, else current + increment. */
export function nextBid(auction) {
  if (auction?.nextBid?.currency) return auction.nextBid;
  if (!auction?.currentBid) return auction?.startingBid ?? null;
  return { amount: auction.currentBid.amount + (auction.bidIncrement?.amount ?? 0), currency: auction.currentBid.currency };
}

/** "3 bids" / "1 bid". */
export function bidsText(count) {
  return count === 1 ? t('bidsOne') : t('bidsCount', { count: formatNumber(count ?? 0) });
}

/** "2 winners" / "1 winner". */
export function winnersText(count) {
  return count === 1 ? t('giveawayWinnersOne') : t('giveawayWinnersCount', { count: formatNumber(count ?? 0) });
}

/** "10% off" or "Rp 20.000 off". */
export function discountText(discount) {
  if (discount?.percent) return t('voucherPercent', { percent: discount.percent });
  if (discount?.amount) return t('voucherAmount', { amount: formatMoney(discount.amount) });
  return t('voucher');
}

/** m:ss (h:mm:ss past an hour) of the time left, never negative. */
export function formatCountdown(ms) {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(seconds / 60);
  const rest = String(seconds % 60).padStart(2, '0');
  return minutes >= 60 ? `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}

/** Milliseconds from now to an ISO time (negative once it passed). */
export function msUntil(time) {
  const at = new Date(time).getTime();
  return Number.isFinite(at) ? at - Date.now() : 0;
}

/** The later of two ISO times (an auction's end only ever moves later). */
export function laterTime(a, b) {
  if (!a) return b;
  if (!b) return a;
  return new Date(b).getTime() > new Date(a).getTime() ? b : a;
}

/** The higher of two amounts of money (null-safe). */
export function higherMoney(a, b) {
  if (!a) return b ?? null;
  if (!b) return a;
  return b.amount > a.amount ? b : a;
}

/** The lowercase hex SHA-256 of a text's UTF-8 bytes, or null where the browser has no Web Crypto (plain http). */
export async function sha256Hex(text) {
  if (!globalThis.crypto?.subtle) return null;
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Whether a giveaway's published seed hashes to its commitment: true, false, or null when it cannot be checked here. */
export async function verifySeed(seed, commitment) {
  if (!seed || !commitment) return null;
  const hash = await sha256Hex(seed);
  return hash === null ? null : hash === String(commitment).toLowerCase();
}

/** A long hex string cut to its ends for small screens: 3f9a1c…7be2. */
export function shortHex(hex, keep = 8) {
  const text = String(hex ?? '');
  return text.length > keep * 2 + 1 ? `${text.slice(0, keep)}…${text.slice(-keep)}` : text;
}
