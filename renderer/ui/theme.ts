// One colour per verdict, used by tags, marks and charts alike (UI.md): 达标 green, 不达标 red,
// 数据不全 amber, 待核对 blue, 未报送 grey. Always shown with a word or a mark beside it.

import type { ThemeConfig } from 'antd';
import type { Outcome, VillageStatus } from '../../shared/model.ts';

export const COLORS = {
  compliant: '#2e7d32',
  noncompliant: '#c62828',
  incomplete: '#b26a00',
  toCheck: '#1668dc',
  notReported: '#9e9e9e',
} as const;

export const THEME: ThemeConfig = {
  token: {
    colorPrimary: COLORS.toCheck,
    fontFamily: "'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'Noto Sans SC', sans-serif",
    borderRadius: 6,
  },
};

export const STATUS_LABEL: Record<VillageStatus | 'notReported', string> = {
  compliant: '达标',
  noncompliant: '不达标',
  incomplete: '数据不全',
  notReported: '未报送',
};

export const STATUS_COLOR: Record<VillageStatus | 'notReported', string> = {
  compliant: COLORS.compliant,
  noncompliant: COLORS.noncompliant,
  incomplete: COLORS.incomplete,
  notReported: COLORS.notReported,
};

export const OUTCOME_MARK: Record<Outcome, { mark: string; label: string; color: string }> = {
  pass: { mark: '✓', label: '达标', color: COLORS.compliant },
  fail: { mark: '✗', label: '不达标', color: COLORS.noncompliant },
  unknown: { mark: '?', label: '数据不全', color: COLORS.incomplete },
};

export function percent(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(1)}%`;
}

export function dateTime(iso: string | null): string {
  if (!iso) return '—';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
