import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Checks `Authorization: Bearer <token>` in constant time; with no token configured, everything passes. */
export function bearerCheck(token: string | undefined): (header: string | undefined) => boolean {
  if (!token) return () => true;
  const expected = digest(token);
  return (header) => {
    const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    return !!match?.[1] && timingSafeEqual(digest(match[1]), expected);
  };
}
