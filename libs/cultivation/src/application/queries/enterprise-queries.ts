import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../clock';
import type { Connection, Enterprise, ExpiringCertification } from './contract-types';
import { enterpriseByCode, listEnterprises } from './enterprises/enterprises';
import { expiringCertifications } from './enterprises/expiring-certifications';
import { overdueAnnualUpdates, type AnnualUpdateDue } from './enterprises/overdue-annual-updates';
import { InvalidQueryInput, dateArg, districtArg, firstArg, tierArg } from './query-input';
import { assertLocatedInScope, type ReadScope, scopedDistrict } from './read-scope';

export interface EnterpriseFilterInput {
  district?: string | null;
  tier?: string | null;
  asOf?: string | null;
  nameContains?: string | null;
  search?: string | null;
}

/** A search text of at most 100 characters, trimmed; null when blank. */
function searchArg(search: string | null | undefined): string | null {
  const text = search?.trim() ?? '';
  if (text.length > 100) {
    throw new InvalidQueryInput('TEXT_TOO_LONG', 'filter.search', 'filter.search has at most 100 characters');
  }
  return text === '' ? null : text;
}

/** Enterprises and their certifications, from the summary snapshots (views as of the clock's today). */
@Injectable()
export class EnterpriseQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** The enterprise, or null when unknown; FORBIDDEN when located outside a scoped reader's district. */
  async enterprise(creditCode: string, scope: ReadScope = null): Promise<Enterprise | null> {
    const found = await enterpriseByCode(this.dataSource, creditCode, this.clock.today());
    assertLocatedInScope(scope, found?.district.code ?? null);
    return found;
  }

  /** A page of enterprises by credit code (see listEnterprises for the filter's meaning). */
  enterprises(
    filter?: EnterpriseFilterInput | null,
    first?: number | null,
    after?: string | null,
    scope: ReadScope = null,
  ): Promise<Connection<Enterprise>> {
    const today = this.clock.today();
    const f = {
      district: scopedDistrict(scope, districtArg(filter?.district, 'filter.district'), 'filter.district'),
      locatedIn: scope,
      tier: filter?.tier == null ? null : tierArg(filter.tier, 'filter.tier'),
      asOf: dateArg(filter?.asOf, 'filter.asOf', today),
      nameContains: filter?.nameContains?.trim() || null,
      search: searchArg(filter?.search),
    };
    return listEnterprises(this.dataSource, f, { first: firstArg(first), after: after ?? null }, today);
  }

  /** Yearly duties of `year` unmet on `asOf` (default today), of enterprises located in `district` now. */
  overdueAnnualUpdates(
    year: number,
    asOf?: string | null,
    district?: string | null,
    first?: number | null,
    after?: string | null,
    scope: ReadScope = null,
  ): Promise<Connection<AnnualUpdateDue>> {
    const today = this.clock.today();
    const args = {
      year,
      asOf: dateArg(asOf, 'asOf', today),
      district: scopedDistrict(scope, districtArg(district), 'district'),
      first: firstArg(first),
      after: after ?? null,
    };
    return overdueAnnualUpdates(this.dataSource, args, today);
  }

  /** Certifications counting today whose validity ends within `withinDays` (default 90). */
  expiringCertifications(
    withinDays?: number | null,
    tier?: string | null,
    district?: string | null,
    first?: number | null,
    after?: string | null,
    scope: ReadScope = null,
  ): Promise<Connection<ExpiringCertification>> {
    const days = withinDays ?? 90;
    if (!Number.isInteger(days) || days < 0 || days > 3660) {
      throw new InvalidQueryInput('WITHIN_DAYS_RANGE', 'withinDays', 'withinDays must be an integer from 0 to 3660');
    }
    const args = {
      withinDays: days,
      tier: tier == null ? null : tierArg(tier),
      district: scopedDistrict(scope, districtArg(district), 'district'),
      first: firstArg(first),
      after: after ?? null,
    };
    return expiringCertifications(this.dataSource, args, this.clock.today());
  }
}
