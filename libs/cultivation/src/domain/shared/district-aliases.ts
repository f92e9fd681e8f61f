// How published lists write a district (DOMAIN.md, "Lists as they are published"): the district's name
// with or without 区/新区, its GB/T 2260 code, a name it had before a merger or a county's upgrade, or a
// functional zone or park inside it, alone or with the district (「滨海新区（高新区）」). One table, data only.
//
// Sources: GB/T 2260 and the State Council's approvals for the names and codes (塘沽/汉沽/大港 merged into
// 滨海新区 in 2009; 蓟县 → 蓟州区 2016, 宁河县/静海县 → 区 2015, 宝坻县 → 区 2001, 武清县 → 区 2000); the
// functional zones as 滨海新区's government lists them (经开区/TEDA, 保税区 with 空港 and 临港, 滨海高新区,
// 东疆综合保税区, 中新天津生态城, 中心商务区, 南港工业区), which the city's statistics count within
// 滨海新区 (STACK.md, "District aliases"); the districts' own parks (武清开发区, 京津科技谷, 京滨工业园,
// 西青开发区, 北辰开发区, 东丽开发区, 华明高新区, 海河教育园区, 京津中关村科技城, 子牙循环经济产业区…) as
// the districts' governments name them. Not checked against a published list yet: add a zone where a list
// names one this table lacks.

export interface DistrictAliases {
  readonly code: string;
  /** Other ways lists write the district itself (without 区/新区, former county and district names). */
  readonly names: readonly string[];
  /** Functional zones, development zones and parks located in it. */
  readonly zones: readonly string[];
}

export const DISTRICT_ALIASES: readonly DistrictAliases[] = [
  { code: '120101', names: ['和平'], zones: [] },
  { code: '120102', names: ['河东'], zones: [] },
  { code: '120103', names: ['河西'], zones: [] },
  { code: '120104', names: ['南开'], zones: [] },
  { code: '120105', names: ['河北'], zones: [] },
  { code: '120106', names: ['红桥'], zones: [] },
  {
    code: '120110',
    names: ['东丽'],
    zones: ['东丽开发区', '东丽经济技术开发区', '东丽经济开发区', '华明高新区', '华明高新技术产业区', '东丽湖'],
  },
  {
    code: '120111',
    names: ['西青'],
    zones: ['西青开发区', '西青经济技术开发区', '西青经济开发区', '西青汽车工业区', '中北汽车产业园'],
  },
  { code: '120112', names: ['津南'], zones: ['海河教育园区', '津南经济开发区', '津南开发区', '八里台工业园区'] },
  {
    code: '120113',
    names: ['北辰'],
    zones: ['北辰开发区', '北辰经济技术开发区', '北辰经济开发区', '北辰科技园区', '北辰高端装备制造产业园'],
  },
  {
    code: '120114',
    names: ['武清', '武清县'],
    zones: [
      '武清开发区',
      '武清经济技术开发区',
      '天津武清经济技术开发区',
      '京津科技谷',
      '京滨工业园',
      '京津电子商务产业园',
      '逸仙科学工业园',
      '京津产业新城',
    ],
  },
  {
    code: '120115',
    names: ['宝坻', '宝坻县'],
    zones: ['京津中关村科技城', '宝坻经济开发区', '宝坻开发区', '九园工业园区'],
  },
  {
    code: '120116',
    names: ['滨海', '滨海新', '塘沽', '塘沽区', '汉沽', '汉沽区', '大港', '大港区'],
    zones: [
      '经开区',
      '天津开发区',
      '天津经济技术开发区',
      'TEDA',
      '泰达',
      '保税区',
      '天津港保税区',
      '空港',
      '空港经济区',
      '临港',
      '临港经济区',
      '高新区',
      '滨海高新区',
      '天津滨海高新区',
      '滨海高新技术产业开发区',
      '天津滨海高新技术产业开发区',
      '东疆',
      '东疆港区',
      '东疆保税港区',
      '东疆综合保税区',
      '天津东疆综合保税区',
      '中新天津生态城',
      '中新生态城',
      '生态城',
      '中心商务区',
      '于家堡',
      '南港',
      '南港工业区',
      '天津港',
    ],
  },
  { code: '120117', names: ['宁河', '宁河县'], zones: ['宁河经济开发区', '宁河开发区', '现代产业区'] },
  {
    code: '120118',
    names: ['静海', '静海县'],
    zones: ['静海经济开发区', '静海开发区', '子牙循环经济产业区', '子牙园区', '团泊新城', '团泊健康产业园'],
  },
  { code: '120119', names: ['蓟州', '蓟县'], zones: ['蓟州经济开发区', '蓟州开发区', '蓟县经济开发区'] },
];
