// The kinds of data problems, by their stable codes, in the users' words: the one list the window, the
// CLI and the reports name them from. Pure.

import type { FindingCode } from './model.ts';

export const FINDING_KIND: Record<FindingCode, string> = {
  'unreadable-file': '文件无法读取',
  'encrypted-file': '文件已加密',
  'no-roster': '没有可识别的名单或统计表',
  'limit-reached': '内容过多，未读完',
  'sheet-skipped': '工作表未读取',
  'row-skipped': '行未读取',
  'id-invalid': '身份证号校验不通过',
  'id-number-truncated': '身份证号被存为数字',
  'id-gender-mismatch': '性别与身份证号不符',
  'gender-unknown': '性别不明',
  'gender-coded': '性别以代码 1/2 填写',
  'row-note': '备注需核对',
  'parts-combined': '两委名单分次报送后合并',
  'table-disagrees': '统计表与名单不一致',
  'place-joined': '地名简写已对应',
  'seat-unrecognised': '职务无法识别',
  'id-in-two-villages': '同一身份证号出现在两个村',
  'own-verdict-disagrees': '乡镇自报结论与核算不一致',
  'chair-not-woman': '妇联主席不是女性',
  'two-chairs': '一个村有两名妇联主席',
  'duplicate-part': '同一部分重复报送',
  'township-unknown': '乡镇不明',
  'count-inconsistent': '统计数字前后矛盾',
  'list-place-joined': '应报名单地名简写已对应',
  'list-place-ambiguous': '应报名单地名对应不唯一',
  'same-content': '文件内容相同，只计一次',
  'off-list': '不在应报名单',
};

export const SEVERITY_LABEL = { error: '错误', warning: '警告', info: '提示' } as const;
export const SEVERITY_COLOR = { error: 'red', warning: 'orange', info: 'blue' } as const;
