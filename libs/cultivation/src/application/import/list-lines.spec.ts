import { isNote, sectionAction, skipOf } from './list-lines';

describe('lines of a published list that are not data', () => {
  it.each([
    ['一、新认定企业', 'GRANT'],
    ['（一）新增企业名单', 'GRANT'],
    ['拟认定企业（共35家）', 'GRANT'],
    ['二、复核通过企业', 'RENEW'],
    ['2. 复评通过企业', 'RENEW'],
    ['保留资格企业', 'RENEW'],
    ['三、撤销资格企业', 'REVOKE'],
    ['取消专精特新中小企业资格名单', 'REVOKE'],
    ['不予保留资格企业', 'REVOKE'],
    ['复核未通过企业', 'REVOKE'],
  ])('reads the section %s as %s', (text, action) => expect(sectionAction(text)).toBe(action));

  it.each(['天津认定检测技术有限公司', '天津复核科技有限公司', '一、天津新增机械厂', '排名不分先后'])(
    'takes %s for no section',
    (text) => expect(sectionAction(text)).toBeNull(),
  );

  it.each([
    '注：排名不分先后',
    '注1：以上企业按注册地排序',
    '备注',
    '说明：名单已公示',
    '数据来源：天津市工业和信息化局',
    '合计：45家',
    '共计 3 家',
  ])('reads %s as a note', (text) => expect(isNote(text)).toBe(true));

  it.each(['注册资本', '说明书印刷有限公司', '天津合计科技有限公司'])('does not take the name %s for a note', (text) =>
    expect(isNote(text)).toBe(false),
  );

  it('skips blank rows, notes in any column, sections, and a lone text outside the name column', () => {
    const name = [1];
    expect(skipOf(['', '', ''], name)).toEqual({ rule: 'BLANK_ROW', text: '', action: null });
    expect(skipOf(['注：排名不分先后', '', ''], name)?.rule).toBe('NOTE_ROW');
    expect(skipOf(['二、复核通过企业', '', ''], name)).toEqual({
      rule: 'SECTION_ROW',
      text: '二、复核通过企业',
      action: 'RENEW',
    });
    expect(skipOf(['', '', '以上名单自公布之日起生效'], name)?.rule).toBe('NOTE_ROW');
    expect(skipOf(['', '天津市天锻压力机有限公司', ''], name)).toBeNull();
    expect(skipOf(['1', '天津市天锻压力机有限公司', '滨海新区'], name)).toBeNull();
  });
});
