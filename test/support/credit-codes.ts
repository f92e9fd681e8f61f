import { CREDIT_CODE_ALPHABET, creditCodeCheckCharacter } from '@cl/cultivation';

/** A valid unified social credit code made from a number (distinct numbers, distinct codes). */
export function creditCode(n: number): string {
  let body = '';
  for (let i = 0, x = n; i < 8; i++, x = Math.floor(x / CREDIT_CODE_ALPHABET.length)) {
    body = CREDIT_CODE_ALPHABET[x % CREDIT_CODE_ALPHABET.length] + body;
  }
  const first17 = `911201160${body}`;
  return first17 + creditCodeCheckCharacter(first17);
}
