/** Deterministic detectors for personal data and secrets in model output. */

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let index = 0; index < digits.length; index += 1) {
    let digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/** ISO 13616 check: move the first four characters to the end, letters → 10..35, mod 97 = 1. */
export function ibanValid(candidate: string): boolean {
  const iban = candidate.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const rearranged = `${iban.slice(4)}${iban.slice(0, 4)}`;
  let remainder = 0;
  for (const char of rearranged) {
    const value = /\d/.test(char) ? char : String(char.charCodeAt(0) - 55);
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

interface PiiFinding {
  kind: 'email' | 'phone' | 'card' | 'iban' | 'api-key';
  match: string;
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const PHONE = /(?<![\w.])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)[\s.-]?)?\d{2,4}(?:[\s.-]\d{2,4}){1,4}(?![\w.])/g;
const CARD = /(?<!\d)\d(?:[ -]?\d){12,18}(?!\d)/g;
const IBAN = /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b/g;
const API_KEYS = [
  /\bsk-(?:proj-|ant-)?[A-Za-z0-9_-]{20,}/g,
  /\bgh[pousr]_[A-Za-z0-9]{36,}\b/g,
  /\bgithub_pat_[A-Za-z0-9_]{40,}\b/g,
  /\bAKIA[0-9A-Z]{16}\b/g,
  /\bxox[abprs]-[A-Za-z0-9-]{10,}\b/g,
  /\bAIza[0-9A-Za-z_-]{35}\b/g,
];

export function findPii(text: string): PiiFinding[] {
  const findings: PiiFinding[] = [];
  const add = (kind: PiiFinding['kind'], matches: Iterable<RegExpMatchArray>, valid: (m: string) => boolean = () => true) => {
    for (const [match] of matches) if (valid(match)) findings.push({ kind, match });
  };
  add('email', text.matchAll(EMAIL));
  add('card', text.matchAll(CARD), (match) => luhnValid(match.replace(/\D/g, '')));
  add('iban', text.matchAll(IBAN), ibanValid);
  for (const pattern of API_KEYS) add('api-key', text.matchAll(pattern));
  const taken = findings.map((finding) => finding.match.replace(/\D/g, ''));
  add('phone', text.matchAll(PHONE), (match) => {
    const digits = match.replace(/\D/g, '');
    return digits.length >= 9 && digits.length <= 15 && !taken.some((other) => other.includes(digits));
  });
  return findings;
}

/** Shows the kind and the shape of a finding, never the personal data itself. */
export function redact(finding: PiiFinding): string {
  return `${finding.kind} (${finding.match.length} chars, ending …${finding.match.slice(-2)})`;
}
