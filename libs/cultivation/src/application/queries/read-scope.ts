// DOMAIN.md "Who may do what": a district official reads aggregates city-wide, but enterprise-level data
// (enterprise, enterprises, expiringCertifications, enterpriseAsOf) only of enterprises located in their district.
import { AccessDenied } from '@cl/platform';

/** The district a reader is confined to, or null for a city-wide reader (see readScopeOf in @cl/platform). */
export type ReadScope = string | null;

/** The district filter a scoped reader may use: theirs (the default), never another one. */
export function scopedDistrict(scope: ReadScope, asked: string | null, field: string): string | null {
  if (scope === null || asked === null || asked === scope) return scope ?? asked;
  throw new AccessDenied(
    'FORBIDDEN',
    `A district official of ${scope} reads the enterprises of that district only`,
    'DISTRICT_SCOPE',
    field,
  );
}

/**
 * Refuses an enterprise located outside the reader's district. FORBIDDEN, not NOT_FOUND: credit codes and the
 * recognition lists are public, so hiding that the enterprise exists protects nothing, while an official whose
 * enterprise moved away is told why it no longer shows instead of being led to think it was lost.
 */
export function assertLocatedInScope(scope: ReadScope, locatedIn: string | null, field = 'creditCode'): void {
  if (scope === null || locatedIn === null || locatedIn === scope) return;
  throw new AccessDenied(
    'FORBIDDEN',
    `The enterprise is not located in district ${scope}: a district official reads their own district's enterprises only`,
    'DISTRICT_SCOPE',
    field,
  );
}
