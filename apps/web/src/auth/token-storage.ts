/** Where the console keeps the signed-in token (this tab only): read by the console and by the explorer. */
export const TOKEN_STORAGE_KEY = 'cl.token';

/** The token the console's sign-in stored in this tab, if any. */
export function storedToken(): string | undefined {
  return sessionStorage.getItem(TOKEN_STORAGE_KEY) ?? undefined;
}
