// How a published list's name is compared with the registered names (DOMAIN.md, "Lists as they are
// published"): full-width and half-width forms (brackets, letters, digits) are the same, spaces do not
// count, and nothing else is changed (有限公司 and 有限责任公司 stay different names).

/** The key two names share when a list's name should match a registered one. */
export function nameKey(name: string): string {
  return name
    .normalize('NFKC') // full-width （ ） Ａ １ and the ideographic space become ( ) A 1 and a space
    .replace(/[\s\u200b\ufeff]/g, '')
    .toUpperCase();
}
