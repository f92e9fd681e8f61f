// Unified social credit code (统一社会信用代码), GB 32100-2015: the enterprise's identity.
import { InvalidInput } from '../errors';

declare const creditCodeBrand: unique symbol;
/** A normalised (trimmed, upper-case) code whose check character is right. */
export type CreditCode = string & { readonly [creditCodeBrand]: true };

/** The 31 characters the standard allows (no I, O, S, V, Z). */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** The check character (position 18) for the first 17 characters; throws on a bad prefix. */
export function creditCodeCheckCharacter(first17: string): string {
  if (first17.length !== 17) throw new InvalidInput('CREDIT_CODE_LENGTH', 'creditCode', 'need 17 characters');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CREDIT_CODE_ALPHABET.indexOf(first17.charAt(i));
    if (v < 0) throw new InvalidInput('CREDIT_CODE_CHARACTER', 'creditCode', `illegal character ${first17.charAt(i)}`);
    sum += v * (WEIGHTS[i] ?? 0);
  }
  return CREDIT_CODE_ALPHABET.charAt((31 - (sum % 31)) % 31);
}

/** Trims, upper-cases and checks a code; the refusal says which rule failed. */
export function parseCreditCode(input: unknown, field = 'creditCode'): CreditCode {
  const code = typeof input === 'string' ? input.trim().toUpperCase() : '';
  if (code.length !== 18) {
    throw new InvalidInput('CREDIT_CODE_LENGTH', field, `a credit code has 18 characters, got ${code.length}`);
  }
  const bad = [...code].find((c) => !CREDIT_CODE_ALPHABET.includes(c));
  if (bad !== undefined) {
    throw new InvalidInput('CREDIT_CODE_CHARACTER', field, `illegal character "${bad}" in credit code`);
  }
  const expected = creditCodeCheckCharacter(code.slice(0, 17));
  if (code.charAt(17) !== expected) {
    throw new InvalidInput('CREDIT_CODE_CHECK', field, `check character should be ${expected}, got ${code.charAt(17)}`);
  }
  return code as CreditCode;
}

/** True when the input is a valid code once trimmed and upper-cased. */
export function isValidCreditCode(input: unknown): boolean {
  try {
    parseCreditCode(input);
    return true;
  } catch {
    return false;
  }
}
