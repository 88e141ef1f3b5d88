// Words the reports print: each kind of finding, severities, and the compliance rate of a group. Pure.

import type { FindingCode, Severity } from '../model.ts';
import type { Figures } from './figures.ts';

export const FINDING_KIND: Record<FindingCode, string> = {
  'unreadable-file': '文件无法读取',
  'encrypted-file': '文件已加密',
  'no-roster': '未找到名单',
  'limit-reached': '超出读取上限',
  'sheet-skipped': '工作表未读取',
  'row-skipped': '行未读取',
  'id-invalid': '身份证号有误',
  'id-number-truncated': '身份证号被存为数字',
  'id-gender-mismatch': '性别与身份证号不符',
  'gender-unknown': '性别不明',
  'gender-coded': '性别为代码',
  'row-note': '备注待核',
  'parts-combined': '名单合并',
  'table-disagrees': '统计表与名单不符',
  'place-joined': '地名补全',
  'seat-unrecognised': '职务无法识别',
  'id-in-two-villages': '一人出现在两个村',
  'own-verdict-disagrees': '乡镇自评与核算不符',
  'chair-not-woman': '妇联主席非女性',
  'two-chairs': '妇联主席不止一人',
  'duplicate-part': '重复报送',
  'township-unknown': '乡镇不明',
  'count-inconsistent': '人数不一致',
};

export const SEVERITY_LABEL: Record<Severity, string> = { error: '错误', warning: '注意', info: '提示' };

/** 达标率: compliant villages of those reported; null when none is reported. */
export function complianceRate(f: Pick<Figures, 'compliant' | 'reported'>): number | null {
  return f.reported ? f.compliant / f.reported : null;
}
