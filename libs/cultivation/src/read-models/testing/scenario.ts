// The worked scenario of scenario.int-spec.ts: twelve enterprises, 2022–2026, five districts. Every
// event comes from the domain's `decide` with a fixed today, so the history is one the service accepts.
import type { Tier } from '../../domain';
import { creditCode, type TestLedger } from './test-ledger';

export const HEPING = '120101';
export const HEXI = '120103';
export const NANKAI = '120104';
export const XIQING = '120111';
export const BINHAI = '120116';

/** E(n): the credit code of enterprise n of the scenario. */
export const E = (n: number) => creditCode(n);

/** Appends the whole scenario (see the table in scenario.int-spec.ts). */
export async function writeScenario(ledger: TestLedger): Promise<void> {
  const reg = (n: number, name: string, district: string) =>
    ledger.run(E(n), '2022-11-01', { type: 'RegisterEnterprise', data: { creditCode: E(n), name, district } });
  const grant = (n: number, tier: Tier, on: string, level?: 'NATIONAL' | 'MUNICIPAL') =>
    ledger.run(E(n), on, { type: 'GrantCertification', data: { tier, grantedOn: on, ...(level ? { level } : {}) } });
  const renew = (n: number, tier: Tier, on: string) =>
    ledger.run(E(n), on, { type: 'RenewCertification', data: { tier, renewedOn: on } });
  const sweep = (n: number, today: string) => ledger.run(E(n), today, { type: 'RecordLapses', data: {} });

  await reg(1, '滨海星光科技有限公司', BINHAI);
  await reg(2, '和平精工制造有限公司', HEPING);
  await reg(3, '和平云图科技有限公司', HEPING);
  await reg(4, '西青新材料有限公司', XIQING);
  await reg(5, '滨海海工装备有限公司', BINHAI);
  await reg(6, '河西生物医药有限公司', HEXI);
  await reg(7, '滨海智能科技有限公司', BINHAI);
  await reg(8, '南开冠军电气有限公司', NANKAI);
  await reg(9, '和平传感技术有限公司', HEPING);
  await reg(10, '西青芯片设计有限公司', XIQING);
  await reg(11, '滨海数据科技有限公司', BINHAI);
  await reg(12, '和平绿色能源有限公司', HEPING);

  // E1: TECH_SME 2023 (swept as lapsed), again 2024, renewed into 2025; HIGH_TECH 2024-05-10.
  await grant(1, 'TECH_SME', '2023-03-01');
  await sweep(1, '2024-01-05');
  await grant(1, 'TECH_SME', '2024-02-01');
  await grant(1, 'HIGH_TECH', '2024-05-10');
  await renew(1, 'TECH_SME', '2024-11-01');
  // E2 climbs the SPECIALIZED ladder; its INNOVATIVE_SME lapses 2026-06-01 (swept).
  await grant(2, 'INNOVATIVE_SME', '2023-06-01');
  await grant(2, 'SRDI_SME', '2024-03-01');
  await grant(2, 'LITTLE_GIANT', '2025-07-15');
  await grant(2, 'SINGLE_CHAMPION', '2026-01-10', 'MUNICIPAL');
  await sweep(2, '2026-06-05');
  // E3: INNOVATIVE_SME in Heping, relocated to Nankai on 2025-03-01.
  await grant(3, 'INNOVATIVE_SME', '2024-01-15');
  await ledger.run(E(3), '2025-03-01', {
    type: 'RelocateEnterprise',
    data: { toDistrict: NANKAI, effectiveOn: '2025-03-01' },
  });
  // E4: INNOVATIVE_SME revoked 2024-10-01.
  await grant(4, 'INNOVATIVE_SME', '2023-09-01');
  await ledger.run(E(4), '2024-10-01', {
    type: 'RevokeCertification',
    data: { tier: 'INNOVATIVE_SME', revokedOn: '2024-10-01', reason: 'FAILED_REVIEW' },
  });
  // E5: a TECH_SME entered in error and retracted, then the real one (lapses 2025-01-01, swept).
  const [wrong] = await grant(5, 'TECH_SME', '2024-04-01');
  await ledger.run(E(5), '2024-04-10', {
    type: 'RetractCertification',
    data: { tier: 'TECH_SME', eventId: wrong!.eventId, reason: 'wrong enterprise' },
  });
  await grant(5, 'TECH_SME', '2024-06-01');
  await sweep(5, '2025-01-03');
  // E6: HIGH_TECH and INNOVATIVE_SME, ended by deregistration on 2025-09-30.
  await grant(6, 'HIGH_TECH', '2023-11-20');
  await grant(6, 'INNOVATIVE_SME', '2024-02-01');
  await ledger.run(E(6), '2025-09-30', {
    type: 'DeregisterEnterprise',
    data: { effectiveOn: '2025-09-30', reason: 'merged' },
  });
  // E7: TECH_SME 2025 renewed into 2026, HIGH_TECH, then TECH_LEADER.
  await grant(7, 'TECH_SME', '2025-02-01');
  await grant(7, 'HIGH_TECH', '2025-03-01');
  await renew(7, 'TECH_SME', '2025-12-01');
  await grant(7, 'TECH_LEADER', '2026-02-01');
  // E8: a NATIONAL single champion without the little-giant rung (RECORD mode), and HIGH_TECH.
  await grant(8, 'HIGH_TECH', '2023-09-20');
  await grant(8, 'SINGLE_CHAMPION', '2024-07-01', 'NATIONAL');
  // E9: INNOVATIVE_SME since 2022, renewed 2025-11-01 (to 2028-11-30); SRDI_SME 2023 lapses 2026-05-01.
  await grant(9, 'INNOVATIVE_SME', '2022-12-01');
  await grant(9, 'SRDI_SME', '2023-05-01');
  await renew(9, 'INNOVATIVE_SME', '2025-11-01');
  // E10: HIGH_TECH expiring 2026-08-14.
  await grant(10, 'HIGH_TECH', '2023-08-15');
  // E11: TECH_SME and HIGH_TECH in 2026.
  await grant(11, 'TECH_SME', '2026-03-01');
  await grant(11, 'HIGH_TECH', '2026-04-01');
  // E12: INNOVATIVE_SME and SRDI_SME on the same day, TECH_SME 2026.
  await grant(12, 'INNOVATIVE_SME', '2025-08-01');
  await grant(12, 'SRDI_SME', '2025-08-01');
  await grant(12, 'TECH_SME', '2026-01-15');
  // A target set for HIGH_TECH (no default target).
  await ledger.setTarget('2026-01-02', { tier: 'HIGH_TECH', target: 10, metric: 'ACTIVE', deadline: '2027-12-31' });
}
