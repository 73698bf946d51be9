// Money is { amount, currency }: amount is a whole number of the currency's minor units. The minor digits
// follow the engine's contract (IDR has none there, unlike ISO 4217's table).
import { locale } from './i18n.js';

const digits = {
  IDR: 0, JPY: 0, KRW: 0, VND: 0, CLP: 0, ISK: 0,
  USD: 2, EUR: 2, GBP: 2, AUD: 2, CAD: 2, CHF: 2, CNY: 2, HKD: 2, INR: 2, MYR: 2, NZD: 2, PHP: 2, SGD: 2,
  THB: 2, TWD: 2, BRL: 2, MXN: 2, ZAR: 2, SEK: 2, NOK: 2, DKK: 2, PLN: 2, AED: 2, SAR: 2, TRY: 2, BDT: 2,
  PKR: 2, EGP: 2, NGN: 2, KES: 2, BHD: 3, KWD: 3, OMR: 3, JOD: 3, TND: 3,
};

/** The currencies the engine knows, the common ones first. */
export const currencies = ['IDR', 'USD', ...Object.keys(digits).filter((c) => c !== 'IDR' && c !== 'USD').sort()];

/** Minor-unit digits of a currency (2 for an unknown one). */
export function minorDigits(currency) {
  return digits[currency] ?? 2;
}

const formatters = new Map();

/** Formats money in the page's locale: 129000 IDR → "Rp 129.000" (id), 1999 USD → "$19.99" (en). */
export function formatMoney(money) {
  if (!money || typeof money.amount !== 'number' || !money.currency) return '';
  const places = minorDigits(money.currency);
  let formatter = formatters.get(money.currency);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: money.currency,
      // "Rp" rather than "IDR" in every language; other currencies keep their locale's symbol (US$ in id).
      currencyDisplay: money.currency === 'IDR' ? 'narrowSymbol' : 'symbol',
      minimumFractionDigits: places,
      maximumFractionDigits: places,
    });
    formatters.set(money.currency, formatter);
  }
  return formatter.format(money.amount / 10 ** places);
}

/** Formats an amount in major units for an input field ("19.99", "129000"), without grouping. */
export function toMajorString(money) {
  const places = minorDigits(money.currency);
  if (places === 0) return String(money.amount);
  const sign = money.amount < 0 ? '-' : '';
  const text = String(Math.abs(money.amount)).padStart(places + 1, '0');
  return `${sign}${text.slice(0, -places)}.${text.slice(-places)}`;
}

/**
 * Parses what a person typed ("19.99", "19,99", "129000", "129.000" for IDR) into whole minor units,
 * without floating point. Returns null when the text is not a non-negative amount with at most the
 * currency's minor digits.
 */
export function parseMajor(text, currency) {
  const places = minorDigits(currency);
  let value = String(text ?? '').trim().replace(/\s/g, '');
  if (value === '') return null;
  if (places === 0) {
    // Thousands separators are common in zero-decimal currencies: "129.000" or "129,000".
    if (/^\d{1,3}([.,]\d{3})+$/.test(value)) value = value.replace(/[.,]/g, '');
  } else {
    value = value.replace(',', '.');
  }
  const match = /^(\d+)(?:\.(\d*))?$/.exec(value);
  if (!match) return null;
  const fraction = match[2] ?? '';
  if (fraction.length > places) return null;
  const amount = Number(match[1]) * 10 ** places + Number(fraction.padEnd(places, '0') || '0');
  return Number.isSafeInteger(amount) ? amount : null;
}

/** Sums lines of a cart in one currency (integers only). */
export function sum(moneys, currency) {
  return { amount: moneys.reduce((total, m) => total + m.amount, 0), currency };
}
