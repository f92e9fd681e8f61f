import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsOptional, Matches, MaxLength } from 'class-validator';

export const ImportOutcomeEnum = { ACCEPTED: 'ACCEPTED', DUPLICATE: 'DUPLICATE', REJECTED: 'REJECTED' } as const;
registerEnumType(ImportOutcomeEnum, { name: 'ImportOutcome' });

/** Base64 of at most 4 MiB (a few MB of CSV or XLSX). */
const MAX_BASE64 = Math.ceil((4 * 1024 * 1024) / 3) * 4;

@InputType()
export class ImportCertificationsInput {
  @Field({ description: 'The file name, for messages and the report (the format is read from the content).' })
  @MaxLength(255)
  fileName: string;

  @Field({ description: 'The CSV (UTF-8 or GBK) or XLSX file, base64-encoded; at most 4 MiB before encoding.' })
  @MaxLength(MAX_BASE64, { message: 'the file is larger than 4 MiB: import it with the command line (npm run import)' })
  contentBase64: string;

  @Field(() => ID, {
    nullable: true,
    description:
      'Names this import in every event it writes (correlationId). Each row is idempotent by its content anyway.',
  })
  @IsOptional()
  @MaxLength(128)
  @Matches(/^[\w.:-]+$/, { message: 'commandId may hold letters, digits and . _ : - only' })
  commandId?: string | null;
}

@ObjectType()
export class ImportRowResult {
  @Field(() => Int, { description: 'The line number a spreadsheet shows.' }) rowNumber: number;
  @Field() creditCode: string;
  @Field(() => ImportOutcomeEnum) outcome: string;
  @Field(() => String, { nullable: true }) rule?: string | null;
  @Field(() => String, { nullable: true }) field?: string | null;
  @Field(() => String, { nullable: true }) message?: string | null;
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
  @Field(() => Int) enterprisesRegistered: number;
  @Field(() => Int) eventsWritten: number;
  @Field(() => Int) durationMs: number;
  @Field(() => [ImportRowResult], { description: 'One per data row, in file order.' }) results: ImportRowResult[];
  @Field({ description: 'The same per-row report as CSV (UTF-8 with BOM).' }) reportCsv: string;
}
