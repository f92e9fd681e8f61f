import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsOptional, Matches, MaxLength } from 'class-validator';
import { DateScalar } from '@cl/platform';
import { TEXT_LIMITS, type CertificationLevel, type Tier } from '../../domain';
import type { ImportAction } from '../../application/import/list-lines';
import { CertificationLevelEnum, TierEnum } from '../enums';

export const ImportOutcomeEnum = {
  ACCEPTED: 'ACCEPTED',
  DUPLICATE: 'DUPLICATE',
  REJECTED: 'REJECTED',
  SKIPPED: 'SKIPPED',
} as const;
registerEnumType(ImportOutcomeEnum, {
  name: 'ImportOutcome',
  description: 'SKIPPED: a title, note, section or blank row; never data.',
});

export const ImportActionEnum = { GRANT: 'GRANT', RENEW: 'RENEW', REVOKE: 'REVOKE' } as const satisfies Record<
  ImportAction,
  ImportAction
>;
registerEnumType(ImportActionEnum, { name: 'ImportAction' });

/** Base64 of at most 4 MiB (a few MB of CSV or XLSX). */
const MAX_BASE64 = Math.ceil((4 * 1024 * 1024) / 3) * 4;

const LIST_VALUE = 'For every row whose own cell is blank or whose file lacks the column (a row value wins).';
const CORRELATION_ID = /^[\w.:-]+$/;

@InputType({
  description: 'A published list: the values given here apply to every row that lacks the column (DOMAIN.md, Lists).',
})
export class ImportCertificationsInput {
  @Field({ description: 'The file name, for messages and the report (the format is read from the content).' })
  @MaxLength(255)
  fileName: string;

  @Field({ description: 'The CSV (UTF-8 or GBK) or XLSX file, base64-encoded; at most 4 MiB before encoding.' })
  @MaxLength(MAX_BASE64, { message: 'the file is larger than 4 MiB: import it with the command line (npm run import)' })
  contentBase64: string;

  @Field(() => TierEnum, { nullable: true, description: LIST_VALUE }) @IsOptional() tier?: Tier | null;
  @Field(() => CertificationLevelEnum, { nullable: true, description: LIST_VALUE })
  @IsOptional()
  level?: CertificationLevel | null;
  @Field(() => DateScalar, { nullable: true, description: LIST_VALUE }) @IsOptional() grantedOn?: string | null;
  @Field(() => DateScalar, { nullable: true, description: `${LIST_VALUE} Default from the tier's policy.` })
  @IsOptional()
  validUntil?: string | null;
  @Field(() => String, { nullable: true, description: LIST_VALUE }) @IsOptional() @MaxLength(TEXT_LIMITS.batch) batch?:
    string | null;

  @Field(() => String, { nullable: true, description: 'Names the import in every event it writes.' })
  @IsOptional()
  @MaxLength(128)
  @Matches(CORRELATION_ID, { message: 'correlationId may hold letters, digits and . _ : - only' })
  correlationId?: string | null;

  @Field(() => ImportActionEnum, {
    nullable: true,
    description: 'What every row does where no section row of the file says otherwise (default GRANT).',
  })
  @IsOptional()
  action?: ImportAction | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'Deprecated name of correlationId (used when correlationId is not given). Each row is idempotent by its content.',
  })
  @IsOptional()
  @MaxLength(128)
  @Matches(CORRELATION_ID, { message: 'commandId may hold letters, digits and . _ : - only' })
  commandId?: string | null;
}

@ObjectType()
export class NameSuggestion {
  @Field() creditCode: string;
  @Field() name: string;
  @Field(() => Float) similarity: number;
}

@ObjectType()
export class ImportRowResult {
  @Field(() => Int, { description: 'The line number a spreadsheet shows.' }) rowNumber: number;
  @Field(() => ImportOutcomeEnum) outcome: string;
  @Field({ description: "The enterprise's name as the row writes it." }) name: string;
  @Field(() => String, {
    nullable: true,
    description: 'The enterprise the row was matched to or registered as, when known.',
  })
  creditCode?: string | null;
  @Field(() => String, { nullable: true, description: 'The column header as written in the file, for a refused row.' })
  column?: string | null;
  @Field(() => String, { nullable: true }) rule?: string | null;
  @Field(() => String, { nullable: true, description: 'The input field the rule concerns (tier, grantedOn, …).' })
  field?: string | null;
  @Field(() => String, { nullable: true }) message?: string | null;
  @Field(() => [String], { description: 'For NAME_AMBIGUOUS: the credit codes that matched.' }) candidates: string[];
  @Field(() => [NameSuggestion], {
    description: 'For NAME_NOT_FOUND: up to three closest registered names, never applied.',
  })
  suggestions: NameSuggestion[];
  @Field(() => ImportActionEnum, {
    nullable: true,
    description: "The action applied to the row (its section's, else the list's).",
  })
  action?: ImportAction | null;
}

@ObjectType()
export class ImportReport {
  @Field() fileName: string;
  @Field({ description: 'CSV or XLSX.' }) format: string;
  @Field(() => String, { nullable: true, description: 'UTF-8 or GBK, for CSV.' }) encoding?: string | null;
  @Field(() => Int) rows: number;
  @Field(() => Int) accepted: number;
  @Field(() => Int) duplicate: number;
  @Field(() => Int) rejected: number;
  @Field(() => Int) skipped: number;
  @Field(() => Int) enterprisesRegistered: number;
  @Field(() => Int) eventsWritten: number;
  @Field(() => Int) durationMs: number;
  @Field(() => [ImportRowResult], { description: 'One per data row, in file order.' }) results: ImportRowResult[];
  @Field({ description: 'The same per-row report as CSV (UTF-8 with BOM).' }) reportCsv: string;
}
