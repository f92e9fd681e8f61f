// The officials' forms as data: per command, its fields by the names the API uses (so a refusal's
// `field` lands on its item), each with its label and the kind of control that edits it.
import type { CommandInputs, CommandName, ImportCertificationsInput, SetTargetInput } from './api/queries';
import type { MessageKey } from './i18n';

export type FieldKind = 'district' | 'tier' | 'choice' | 'date' | 'pastDate' | 'text' | 'textarea' | 'days';

export interface FormField<Name extends string = string> {
  name: Name;
  label: MessageKey;
  kind: FieldKind;
  /**
   * A choice's values and the message prefix naming them (level.NATIONAL …); none: given by the page. The value
   * "" is named by `blank` (default 按政策默认).
   */
  choices?: { values: readonly string[]; prefix: string; blank?: MessageKey };
  /** District or tier: a first choice for all (全市, 任意类型). */
  any?: boolean;
  /** District: a district official's own, fixed. */
  scoped?: boolean;
  /** Tier: only tiers that are granted (no groups). */
  grantable?: boolean;
  hint?: MessageKey;
}

const LEVELS = ['NATIONAL', 'MUNICIPAL', 'DISTRICT'] as const;
const REASONS = [
  'FRAUD',
  'SAFETY_OR_QUALITY_INCIDENT',
  'ENVIRONMENTAL_VIOLATION',
  'FAILED_REVIEW',
  'MISSED_REPORTING',
  'NO_LONGER_ELIGIBLE',
  'OTHER',
] as const;

const field = <Name extends string>(name: Name, kind: FieldKind, label = name as MessageKey): FormField<Name> => ({
  name,
  label,
  kind,
});

/** A list's filters: the district (a district official's own), the tier, the date held. */
export const FILTERS = {
  search: { ...field('search', 'text'), hint: 'searchHint' },
  district: { ...field('district', 'district'), any: true, scoped: true },
  tier: { ...field('tier', 'tier'), any: true },
  grantedTier: { ...field('tier', 'tier'), any: true, grantable: true },
  heldOn: field('heldOn', 'pastDate'),
  withinDays: field('withinDays', 'days'),
  asOf: field('asOf', 'pastDate'),
  place: { ...field('district', 'district'), any: true },
  chartTier: field('tier', 'tier'),
} satisfies Record<string, FormField>;
const effectiveOn = field('effectiveOn', 'pastDate');
// validUntil lies ahead; every other date is of what happened, never after today.
const validUntil = field('validUntil', 'date');
const tier = { ...field('tier', 'tier'), grantable: true };
const certificateNo = field('certificateNo', 'text');

/**
 * A form's fields are named by its generated input type (a name the schema lacks fails typecheck);
 * revoke's coded reason is held as reasonCode beside the other forms' free-text reason.
 */
type FieldsOf<N extends CommandName> = FormField<
  Extract<keyof CommandInputs[N], string> | (N extends 'revoke' ? 'reasonCode' : never)
>[];

export const FORMS: { [N in CommandName]: FieldsOf<N> } = {
  register: [
    field('creditCode', 'text'),
    field('name', 'text'),
    field('district', 'district'),
    field('industryCode', 'text'),
  ],
  rename: [field('name', 'text'), effectiveOn],
  relocate: [field('toDistrict', 'district'), effectiveOn],
  deregister: [effectiveOn, field('reason', 'textarea')],
  grant: [
    tier,
    { ...field('level', 'choice'), choices: { values: ['', ...LEVELS], prefix: 'level' } },
    field('grantedOn', 'pastDate'),
    validUntil,
    certificateNo,
    field('batch', 'text'),
  ],
  renew: [tier, field('renewedOn', 'pastDate'), validUntil, certificateNo],
  revoke: [
    tier,
    field('revokedOn', 'pastDate'),
    { ...field('reasonCode', 'choice', 'reason'), choices: { values: REASONS, prefix: 'reason' } },
    field('note', 'textarea'),
  ],
  retract: [field('eventId', 'choice', 'pickCertification'), field('reason', 'textarea')],
};

/** A municipal official's target: for the city (全市) or one district, a tier, what is counted, by when. */
export const TARGET_FORM = {
  district: { ...FILTERS.place, label: 'targetScope' },
  tier: field('tier', 'tier'),
  metric: { ...field('metric', 'choice'), choices: { values: ['ACTIVE', 'CUMULATIVE'], prefix: 'metric' } },
  deadline: field('deadline', 'date'),
} satisfies Record<string, FormField<keyof SetTargetInput>>;

/** An import's list-level values: each applies to the rows that lack it (blank: the rows' own). */
export const IMPORT_LIST: FormField<keyof ImportCertificationsInput>[] = [
  { ...field('tier', 'tier', 'listTier'), any: true, grantable: true },
  { ...field('level', 'choice', 'listLevel'), choices: { values: ['', ...LEVELS], prefix: 'level', blank: 'listOwn' } },
  field('grantedOn', 'pastDate', 'listGrantedOn'),
  field('validUntil', 'date', 'listValidUntil'),
  field('batch', 'text', 'listBatch'),
  {
    ...field('action', 'choice', 'listAction'),
    choices: { values: ['', 'GRANT', 'RENEW', 'REVOKE'], prefix: 'action', blank: 'listOwn' },
  },
];
