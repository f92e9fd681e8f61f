import { createHash } from 'node:crypto';

// A fixed namespace so that the same command id gives the same event ids in every process, on every machine.
const NAMESPACE = '6f1d2b0e-5c4a-4e8e-9a57-c1a7e1d3a0b1';

/** A UUID (version 5 layout, SHA-1 of namespace + command id + slot) that is the same on every retry of a command. */
export function commandEventId(commandId: string, slot: number | 'marker'): string {
  const hash = createHash('sha1').update(NAMESPACE).update('\u0000').update(commandId).update(`\u0000${slot}`).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
