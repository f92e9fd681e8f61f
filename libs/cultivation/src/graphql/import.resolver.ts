import { UseInterceptors } from '@nestjs/common';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Roles } from '@cl/platform';
import { CertificationImporter } from '../application/import/certification-importer';
import { ImportFileRefused } from '../application/import/import-errors';
import { languageOf, presentRow, reportCsv } from '../application/import/report-language';
import { AdmitWrites } from './admit-writes.interceptor';
import { AcceptLanguage, CallerContext, type Caller } from './request-context';
import { ImportCertificationsInput, ImportReport } from './types/import.types';

/** The file's bytes; Buffer.from would skip what is not base64 and import a mangled file instead. */
function decodeBase64(text: string): Buffer {
  const compact = text.replace(/\s+/g, '');
  if (compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) {
    throw new ImportFileRefused(
      'BASE64_INVALID',
      'contentBase64 is not base64 (A–Z, a–z, 0–9, + and /, padded with = to a multiple of 4)',
      'contentBase64',
    );
  }
  return Buffer.from(compact, 'base64');
}

/** Bulk import of certification files (CSV or XLSX) for officials; district officials for their district only. */
@Resolver()
@Roles('DISTRICT_OFFICIAL', 'MUNICIPAL_OFFICIAL')
@UseInterceptors(new AdmitWrites({ assignCommandId: false })) // each row's key comes from its content
export class ImportResolver {
  constructor(private readonly importer: CertificationImporter) {}

  @Mutation(() => ImportReport, {
    description:
      'Imports a published list (CSV in UTF-8 or GBK, or XLSX): each row finds its enterprise by credit code, else by ' +
      'name (current or former; NAME_NOT_FOUND with suggestions, NAME_AMBIGUOUS with candidates), registers it when ' +
      'new and grants, renews or revokes the certification as its section row (新认定/复核通过/撤销…) or the list’s ' +
      'action says, through the same rules as the mutations, in effective-date order. Titles, notes and sections are ' +
      'SKIPPED. A refused row costs only itself; an unreadable file is refused whole (BAD_USER_INPUT). Importing the ' +
      'same rows again writes nothing.',
  })
  async importCertifications(
    @Args('input') input: ImportCertificationsInput,
    @CallerContext() caller: Caller,
    @AcceptLanguage() acceptLanguage?: string | string[],
  ): Promise<ImportReport> {
    const language = languageOf(acceptLanguage);
    const bytes = decodeBase64(input.contentBase64);
    const report = await this.importer
      .importFile(bytes, input.fileName, {
        actor: caller.actor,
        correlationId: input.correlationId ?? input.commandId ?? caller.correlationId,
        list: {
          tier: input.tier,
          level: input.level,
          grantedOn: input.grantedOn,
          validUntil: input.validUntil,
          batch: input.batch,
          action: input.action,
        },
      })
      .catch((error: unknown) => {
        // The file arrived as this input field: that is the field to name.
        if (error instanceof ImportFileRefused) throw new ImportFileRefused(error.rule, error.message, 'contentBase64');
        throw error;
      });
    return {
      ...report.summary,
      results: report.rows.map((r) => {
        const { column, message } = presentRow(r, language);
        return {
          ...r,
          outcome: r.outcome.toUpperCase(),
          column,
          message,
          candidates: [...r.candidates],
          suggestions: [...r.suggestions],
        };
      }),
      reportCsv: reportCsv(report, language),
    };
  }
}
