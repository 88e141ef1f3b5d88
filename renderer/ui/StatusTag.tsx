// A village's verdict as a tag: colour and word together, never colour alone.

import { Tag } from 'antd';
import { CheckCircleFilled, CloseCircleFilled, ExclamationCircleFilled, MinusCircleFilled } from '@ant-design/icons';
import type { Outcome, VillageStatus } from '../../shared/model.ts';
import { OUTCOME_MARK, STATUS_COLOR, STATUS_LABEL } from './theme.ts';

const ICON = {
  compliant: <CheckCircleFilled />,
  noncompliant: <CloseCircleFilled />,
  incomplete: <ExclamationCircleFilled />,
  notReported: <MinusCircleFilled />,
};

export function StatusTag({ status }: { status: VillageStatus | 'notReported' | null }) {
  const s = status ?? 'notReported';
  return (
    <Tag color={STATUS_COLOR[s]} icon={ICON[s]} style={{ marginInlineEnd: 0 }}>
      {STATUS_LABEL[s]}
    </Tag>
  );
}

/** A light status for long lists: a coloured mark and the word, in plain elements. */
export function StatusText({ status }: { status: VillageStatus | 'notReported' | null }) {
  const s = status ?? 'notReported';
  return (
    <span className="qw-status" style={{ color: STATUS_COLOR[s], borderColor: STATUS_COLOR[s] }}>
      {s === 'compliant' ? '✓' : s === 'noncompliant' ? '✗' : s === 'incomplete' ? '!' : '–'} {STATUS_LABEL[s]}
    </span>
  );
}

/** The three parts as three marks (✓ ✗ ?), each with its part and outcome in a tooltip and for screen readers. */
export function PartMarks({ parts, rules }: { parts: Array<{ id: string; label: string }>; rules: Record<string, Outcome> }) {
  return (
    <span className="qw-marks">
      {parts.map((p) => {
        const o = rules[p.id];
        const m = o ? OUTCOME_MARK[o] : null;
        const text = `${p.label}：${m ? m.label : '无'}`;
        return (
          <span key={p.id} title={text} aria-label={text} style={{ color: m?.color ?? '#bbb' }}>
            {m?.mark ?? '·'}
          </span>
        );
      })}
    </span>
  );
}

/** 待核对: the verdict rests on a reading made on a guess; the reasons in the tooltip. */
export function ProvisionalTag({ reasons }: { reasons?: string[] }) {
  if (!reasons?.length) return null;
  return (
    <Tag color="gold" title={`待核对：${reasons.join('；')}`} data-testid="provisional-tag">
      待核对
    </Tag>
  );
}
