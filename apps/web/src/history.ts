// Events in people's words: each stored event type as a sentence and labelled fields in the page's
// language. Raw types, positions and JSON are for the 技术详情 view only.
import { districtOf, tierOf } from './api/reference';
import { districtName, locale, t, tierName, tx, type MessageKey } from './i18n';

/** The stored event types (libs/cultivation/src/domain/events/enterprise-events.ts). */
export type EventType =
  | 'EnterpriseRegistered'
  | 'EnterpriseRenamed'
  | 'EnterpriseRelocated'
  | 'EnterpriseDeregistered'
  | 'CertificationGranted'
  | 'CertificationRenewed'
  | 'CertificationRevoked'
  | 'CertificationLapsed'
  | 'CertificationRetracted';

interface StoredEvent {
  eventId: string;
  type: string;
  data: unknown;
  source?: string;
  actor?: string | null;
}

type Data = Record<string, string | string[] | undefined>;
type Words = [zh: string, en: string];

const VERB: Record<EventType, Words> = {
  EnterpriseRegistered: ['登记', 'Registered'],
  EnterpriseRenamed: ['更名', 'Renamed'],
  EnterpriseRelocated: ['迁移', 'Relocated'],
  EnterpriseDeregistered: ['注销', 'Deregistered'],
  CertificationGranted: ['授予', 'Granted'],
  CertificationRenewed: ['复核', 'Renewed'],
  CertificationRevoked: ['撤销', 'Revoked'],
  CertificationLapsed: ['失效', 'Lapsed'],
  CertificationRetracted: ['撤回', 'Retracted'],
};

const SOURCE: Record<string, Words> = {
  GRAPHQL: ['控制台或接口办理', 'Console or API'],
  IMPORT: ['名单导入', 'List import'],
  SYSTEM: ['系统', 'System'],
};
const SYSTEM_ACTOR: Record<string, Words> = {
  'demo-generator': ['演示数据生成', 'Demo data generator'],
  'system:lapse-sweep': ['到期自动失效', 'Automatic lapse'],
};

const say = (words: Words) => (locale.value === 'en' ? words[1] : words[0]);
const isEventType = (type: string): type is EventType => type in VERB;
const tierText = (code: unknown) => (typeof code === 'string' ? tierName(tierOf(code)) : '');
const districtText = (code: unknown) => (typeof code === 'string' ? districtName(districtOf(code)) || code : '');

/** The event's verb: 授予、复核、撤销、撤回、失效、更名、迁移、注销、登记. */
export function eventVerb(type: string): string {
  return isEventType(type) ? say(VERB[type]) : t('techDetails');
}

/** Who or what wrote it: a person's account as is, the system's own actors and the sources translated. */
export function sourceText(event: Pick<StoredEvent, 'source' | 'actor'>): string {
  const source = event.source ? say(SOURCE[event.source] ?? [event.source, event.source]) : '';
  const system = event.actor ? SYSTEM_ACTOR[event.actor] : undefined;
  const actor = system ? say(system) : (event.actor ?? '');
  return [actor, source].filter(Boolean).join(' · ');
}

type Format = 'text' | 'tier' | 'tiers' | 'level' | 'district' | 'reason' | 'record';
/** Per event type, the keys of its data shown, in order. */
const FIELDS: Record<EventType, string[]> = {
  EnterpriseRegistered: ['name', 'districtCode', 'industryCode'],
  EnterpriseRenamed: ['name', 'effectiveOn'],
  EnterpriseRelocated: ['fromDistrictCode', 'toDistrictCode', 'effectiveOn'],
  EnterpriseDeregistered: ['effectiveOn', 'reason'],
  CertificationGranted: ['tier', 'level', 'grantedOn', 'validUntil', 'certificateNo', 'batch', 'skippedPrerequisites'],
  CertificationRenewed: ['tier', 'renewedOn', 'validUntil', 'certificateNo'],
  CertificationRevoked: ['tier', 'revokedOn', 'reason', 'note'],
  CertificationLapsed: ['tier', 'lapsedOn'],
  CertificationRetracted: ['tier', 'retractedEventId', 'reason'],
};
/** A data key's label when it is not the key itself, and how its value reads when not as text. */
const LABEL: Record<string, MessageKey> = {
  districtCode: 'district',
  fromDistrictCode: 'fromDistrict',
  toDistrictCode: 'toDistrict',
  retractedEventId: 'retractedRecord',
};
const FORMAT: Record<string, Format> = {
  tier: 'tier',
  skippedPrerequisites: 'tiers',
  level: 'level',
  districtCode: 'district',
  fromDistrictCode: 'district',
  toDistrictCode: 'district',
  // A revocation's reason is a code; a deregistration's is free text, which reads as itself.
  reason: 'reason',
  retractedEventId: 'record',
};

/** The event's fields as label and value, in the page's language (no ids, no positions). */
export function eventFields(event: StoredEvent, all: readonly StoredEvent[] = []): [string, string][] {
  const data = (event.data ?? {}) as Data;
  const read = (value: Data[string], format: Format = 'text'): string => {
    if (Array.isArray(value)) return format === 'tiers' ? value.map(tierText).join('、') : value.join('、');
    if (format === 'record') {
      const target = all.find((e) => e.eventId === value);
      return target ? eventSentence(target) : t('earlierRecord');
    }
    if (!value) return '';
    if (format === 'tier') return tierText(value);
    if (format === 'district') return districtText(value);
    if (format === 'level' || format === 'reason') return tx(format, value);
    return value;
  };
  const keys = isEventType(event.type) ? FIELDS[event.type] : [];
  return keys
    .map((key): [string, string] => [t(LABEL[key] ?? (key as MessageKey)), read(data[key], FORMAT[key])])
    .filter(([, value]) => value !== '');
}

/** One sentence: 「授予 科技型中小企业（市级），2025-04-01 至 2026-12-31」. */
export function eventSentence(event: StoredEvent): string {
  const d = (event.data ?? {}) as Data;
  const tier = tierText(d.tier);
  const zh = locale.value !== 'en';
  const of = (date: unknown) => (typeof date === 'string' ? date : '');
  switch (isEventType(event.type) ? event.type : undefined) {
    case 'EnterpriseRegistered':
      return zh
        ? `登记企业「${d.name}」，所属${districtText(d.districtCode)}`
        : `Registered "${d.name}" in ${districtText(d.districtCode)}`;
    case 'EnterpriseRenamed':
      return zh ? `自 ${of(d.effectiveOn)} 起更名为「${d.name}」` : `Renamed "${d.name}" from ${of(d.effectiveOn)}`;
    case 'EnterpriseRelocated':
      return zh
        ? `自 ${of(d.effectiveOn)} 起由${districtText(d.fromDistrictCode)}迁移至${districtText(d.toDistrictCode)}`
        : `Relocated from ${districtText(d.fromDistrictCode)} to ${districtText(d.toDistrictCode)} on ${of(d.effectiveOn)}`;
    case 'EnterpriseDeregistered':
      return zh
        ? `于 ${of(d.effectiveOn)} 注销（原因：${d.reason}）`
        : `Deregistered on ${of(d.effectiveOn)} (${d.reason})`;
    case 'CertificationGranted':
      return zh
        ? `授予${tier}（${tx('level', d.level as string)}），${of(d.grantedOn)} 至 ${of(d.validUntil)}`
        : `Granted ${tier} (${tx('level', d.level as string)}), ${of(d.grantedOn)} to ${of(d.validUntil)}`;
    case 'CertificationRenewed':
      return zh
        ? `复核${tier}：自 ${of(d.renewedOn)} 起有效期延至 ${of(d.validUntil)}`
        : `Renewed ${tier} on ${of(d.renewedOn)}, valid until ${of(d.validUntil)}`;
    case 'CertificationRevoked':
      return zh
        ? `于 ${of(d.revokedOn)} 撤销${tier}（原因：${tx('reason', d.reason as string)}）`
        : `Revoked ${tier} on ${of(d.revokedOn)} (${tx('reason', d.reason as string)})`;
    case 'CertificationLapsed':
      return zh ? `${tier}于 ${of(d.lapsedOn)} 有效期届满失效` : `${tier} lapsed on ${of(d.lapsedOn)}`;
    case 'CertificationRetracted':
      return zh ? `撤回一条${tier}记录（更正：${d.reason}）` : `Retracted a ${tier} record (correction: ${d.reason})`;
    case undefined:
      return t('unknownEvent');
  }
}
