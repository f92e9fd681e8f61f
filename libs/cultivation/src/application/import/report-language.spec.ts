import { languageOf, presentRow } from './report-language';
import type { ImportRowResult } from './import-report';

const refused: ImportRowResult = {
  rowNumber: 7,
  name: '天津某有限公司',
  creditCode: null,
  outcome: 'rejected',
  column: '企业名称',
  rule: 'NAME_AMBIGUOUS',
  field: 'name',
  message: 'several enterprises have that name: candidates 91…1, 91…2',
  candidates: ['911201160000000001', '911201160000000002'],
  suggestions: [],
  action: 'GRANT',
};

describe('the import report in the reader’s language', () => {
  it('is Chinese unless the request prefers English', () => {
    expect(languageOf(undefined)).toBe('zh-CN');
    expect(languageOf('')).toBe('zh-CN');
    expect(languageOf('zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh-CN');
    expect(languageOf('en')).toBe('en');
    expect(languageOf('zh-CN;q=0.4, en-US;q=0.9')).toBe('en');
    expect(languageOf('fr-FR')).toBe('zh-CN');
  });

  it('says the rule in words and keeps the candidates a list of their own', () => {
    expect(presentRow(refused, 'zh-CN')).toEqual({
      outcome: '未导入',
      column: '企业名称',
      message: '该名称对应多家企业',
      candidates: refused.candidates,
    });
    expect(presentRow(refused, 'en').message).toBe('Several enterprises have that name');
  });

  it('names a value the list gives for every row in the reader’s words, not by its field', () => {
    const row = { ...refused, column: null, rule: 'PREREQUISITE_MISSING', field: 'tier', candidates: [] };
    expect(presentRow(row, 'zh-CN').column).toBe('认定类型（全表统一填写）');
    expect(presentRow(row, 'en').column).toBe('Tier (given for the whole list)');
  });
});
