import { creditCodeCheckCharacter } from '@cl/cultivation';
import { useTestApi } from './support/test-api';
import { tokenFor } from './support/tokens';

const code = (n: number) => {
  const first17 = `91120110MA${String(n).padStart(7, '0')}`;
  return first17 + creditCodeCheckCharacter(first17);
};

type Report = {
  importCertifications: Record<string, unknown> & { results: unknown[]; reportCsv: string };
};

const IMPORT = `mutation ($input: ImportCertificationsInput!) {
  importCertifications(input: $input) {
    format encoding rows accepted duplicate rejected eventsWritten
    results { rowNumber creditCode outcome column rule candidates }
    reportCsv
  }
}`;

const csv = [
  '统一社会信用代码,企业名称,所属区,认定类型,认定日期',
  `${code(1)},天津东丽甲有限公司,东丽区,科技型中小企业,2024-04-01`,
  `${code(2)},天津滨海乙有限公司,滨海新区,科技型中小企业,2024-04-01`,
  `${code(3)},天津东丽丙有限公司,东丽区,专精特新中小企业,2024-04-01`,
].join('\n');
const input = (content: string, fileName = 'list.csv') => ({
  input: { fileName, contentBase64: Buffer.from(`\uFEFF${content}`).toString('base64') },
});

describe('importCertifications over GraphQL', () => {
  const api = useTestApi();

  it('refuses callers without a token or with a read-only role', async () => {
    const anonymous = await api.graphql(IMPORT, input(csv));
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const analyst = await api.graphql(IMPORT, input(csv), { token: await tokenFor('ANALYST') });
    expect(analyst.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it("imports a district official's rows of their district and refuses the others row by row", async () => {
    const token = await tokenFor('DISTRICT_OFFICIAL', '120110');
    const res = await api.graphql<Report>(IMPORT, input(csv), { token });
    expect(res.body.errors).toBeUndefined();
    const report = res.body.data!.importCertifications;
    expect(report).toMatchObject({ format: 'CSV', encoding: 'UTF-8', rows: 3, accepted: 1, duplicate: 0, rejected: 2 });
    expect(report.results).toEqual([
      { rowNumber: 2, creditCode: code(1), outcome: 'ACCEPTED', column: null, rule: null, candidates: [] },
      { rowNumber: 3, creditCode: code(2), outcome: 'REJECTED', column: null, rule: 'DISTRICT_SCOPE', candidates: [] },
      {
        rowNumber: 4,
        creditCode: code(3),
        outcome: 'REJECTED',
        column: '认定类型',
        rule: 'PREREQUISITE_MISSING',
        candidates: [],
      },
    ]);
    // in Chinese when the request asks for no language
    expect(report.reportCsv).toContain(`3,天津滨海乙有限公司,${code(2)},未导入,,DISTRICT_SCOPE,只能办理本区的企业,`);
    expect(report.reportCsv.split('\r\n')[0]).toBe(
      '\uFEFF行号,企业名称,统一社会信用代码,结果,列,规则,说明,候选企业,操作,相近企业',
    );

    const again = await api.graphql<Report>(IMPORT, input(csv), { token: await tokenFor('MUNICIPAL_OFFICIAL') });
    expect(again.body.data!.importCertifications).toMatchObject({ accepted: 1, duplicate: 1, rejected: 1 });
  });

  it('refuses an unreadable file whole with BAD_USER_INPUT naming the problem', async () => {
    const token = await tokenFor('MUNICIPAL_OFFICIAL');
    const res = await api.graphql(IMPORT, input('统一社会信用代码,企业名称\n1,2', 'short.csv'), { token });
    expect(res.body.errors?.[0]).toMatchObject({
      message:
        'short.csv lacks the columns 认定类型 (tier), 认定日期 (granted on) (header on line 1): ' +
        "add them to the file or give the list's tier and grantedOn",
      extensions: { code: 'BAD_USER_INPUT', rule: 'COLUMNS_MISSING', field: 'contentBase64' },
    });
  });

  it("takes the notice's tier, date and batch for the list and finds rows by name", async () => {
    const token = await tokenFor('MUNICIPAL_OFFICIAL');
    const list = ['序号,企业名称,所属区', '1,天津东丽甲有限公司,东丽区', '2,天津东丽丁有限公司,东丽区'].join('\r\n');
    const res = await api.graphql<Report>(
      IMPORT,
      {
        input: {
          ...input(list, '高新技术企业名单.csv').input,
          tier: 'HIGH_TECH',
          grantedOn: '2024-06-20',
          batch: '2024年第一批',
          correlationId: 'notice-2024-1',
        },
      },
      { token },
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.importCertifications.results).toEqual([
      { rowNumber: 2, creditCode: code(1), outcome: 'ACCEPTED', column: null, rule: null, candidates: [] },
      {
        rowNumber: 3,
        creditCode: null,
        outcome: 'REJECTED',
        column: '企业名称',
        rule: 'NAME_NOT_FOUND',
        candidates: [],
      },
    ]);
    const history = await api.graphql<{
      enterpriseHistory: { type: string; data: Record<string, unknown>; correlationId: string }[];
    }>(
      `query ($c: String!) { enterpriseHistory(creditCode: $c) { type data correlationId } }`,
      { c: code(1) },
      { token: await tokenFor('AUDITOR') },
    );
    expect(history.body.data!.enterpriseHistory.at(-1)).toMatchObject({
      type: 'CertificationGranted',
      data: { tier: 'HIGH_TECH', grantedOn: '2024-06-20', batch: '2024年第一批' },
      correlationId: 'notice-2024-1',
    });
  });

  it('answers in English when the request asks for it, naming list-level values and every row by name', async () => {
    const token = await tokenFor('MUNICIPAL_OFFICIAL');
    // SRDI_SME given for the whole list, and no row holds INNOVATIVE_SME: the list's tier is what refuses
    const list = ['企业名称,所属区', '天津东丽甲有限公司,东丽区'].join('\n');
    const body = { ...input(list, 'srdi.csv').input, tier: 'SRDI_SME', grantedOn: '2024-06-20' };
    const zh = await api.graphql<Report>(IMPORT, { input: body }, { token, headers: { 'accept-language': 'zh-CN' } });
    const zhRow = zh.body.data!.importCertifications.reportCsv.split('\r\n')[1];
    expect(zhRow).toBe(
      `2,天津东丽甲有限公司,${code(1)},未导入,认定类型（全表统一填写）,PREREQUISITE_MISSING,未持有前置梯级的有效认定,,认定,`,
    );
    const en = await api.graphql<Report>(
      IMPORT,
      { input: body },
      { token, headers: { 'accept-language': 'en-GB,en;q=0.9,zh-CN;q=0.5' } },
    );
    const lines = en.body.data!.importCertifications.reportCsv.split('\r\n');
    expect(lines[0]).toBe('\uFEFFRow,Name,Credit code,Outcome,Column,Rule,Message,Candidates,Action,Suggestions');
    expect(lines[1]).toMatch(
      new RegExp(
        `^2,天津东丽甲有限公司,${code(1)},Refused,Tier \\(given for the whole list\\),PREREQUISITE_MISSING,"SRDI_SME requires`,
      ),
    );
    expect(en.body.data!.importCertifications.results).toEqual([
      expect.objectContaining({ column: 'Tier (given for the whole list)', rule: 'PREREQUISITE_MISSING' }),
    ]);
  });
});
