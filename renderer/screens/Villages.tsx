// 村庄: which villages, and why? A filter bar on one line (乡镇, 状态, 未达标项, search), kept in the
// address; a virtualised list paged in SQL; each row says why in words. A row opens the village.

import { useCallback, useMemo, useState } from 'react';
import { Alert, Button, Input, Select, Space, Typography } from 'antd';
import { CHANGE_LABEL, type ChangeKind, type VillageRow } from '../../shared/api.ts';
import { useApi, useOp } from '../api/context.tsx';
import { navigate } from '../app/route.ts';
import { PartMarks, ProvisionalTag, StatusText } from '../ui/StatusTag.tsx';
import { dateTime } from '../ui/theme.ts';
import { filtersFrom, filtersToParams, villageRequest, whyLine, type SortKey, type VillageFilters } from './villageQuery.ts';
import { VirtualRows, type PageSource } from './VirtualRows.tsx';

const ROW_HEIGHT = 36;

const STATUS_OPTIONS = [
  { value: '', label: '全部状态' },
  { value: 'noncompliant', label: '不达标' },
  { value: 'incomplete', label: '数据不全' },
  { value: 'compliant', label: '达标' },
  { value: 'notReported', label: '未报送' },
  { value: 'offList', label: '名单外' },
  { value: 'provisional', label: '待核对' },
];

const COLUMNS: Array<[string, SortKey | null]> = [
  ['乡镇（街道）', 'township'],
  ['村（社区）', 'village'],
  ['状态', 'status'],
  ['三项', 'part'],
  ['原因', 'reason'],
  ['报送时间', 'reportedAt'],
];

/** A click on a column: sort by it; again: the other way. */
function sortBy(f: VillageFilters, key: SortKey): Partial<VillageFilters> {
  return f.sort === key ? { desc: !f.desc } : { sort: key, desc: false };
}

type Listed = Pick<VillageRow, 'id' | 'township' | 'village' | 'status' | 'rules' | 'reasons' | 'reported' | 'reportedAt' | 'provisional'>;

export function Villages({ params }: { params: URLSearchParams }) {
  const { door, revision } = useApi();
  const summary = useOp('countySummary', {});
  const filters = filtersFrom(params);
  const change = params.get('change') as ChangeKind | null;
  const [total, setTotal] = useState<number | null>(null);
  const [search, setSearch] = useState(filters.q);
  const parts = summary.data?.parts ?? [];

  const set = (patch: Partial<VillageFilters>) => navigate('/villages', filtersToParams({ ...filters, ...patch }), true);

  const key = JSON.stringify([filters, change, revision]);
  const source = useMemo<PageSource<Listed>>(
    () => ({
      key,
      async fetch(offset, limit) {
        if (change) {
          const r = await door.call('changes', {});
          if (!r.ok) return null;
          const rows = r.value.villages
            .filter((v) => v.change === change)
            .map((v) => ({ id: v.villageId, township: v.township, village: v.village, status: v.after.status, rules: v.after.rules, reasons: v.after.reasons, reported: true, reportedAt: r.value.import?.importedAt ?? null }));
          return { total: rows.length, rows: rows.slice(offset, offset + limit) };
        }
        const r = await door.call('villages', villageRequest(filters, offset, limit, parts[0]?.id));
        return r.ok ? { total: r.value.total, rows: r.value.villages } : null;
      },
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key, door, parts[0]?.id],
  );
  const onTotal = useCallback((n: number) => setTotal(n), []);

  const townshipOptions = (summary.data?.townships ?? []).map((t) => ({ value: t.township, label: t.township }));
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {change && (
        <Alert
          type="info"
          showIcon
          title={`最近一次导入中“${CHANGE_LABEL[change]}”的村`}
          action={
            <Button size="small" onClick={() => navigate('/villages')}>
              查看全部村
            </Button>
          }
        />
      )}
      <Space wrap={false} style={{ width: '100%' }}>
        <Select
          mode="multiple"
          allowClear
          aria-label="乡镇（街道）"
          placeholder="全部乡镇（街道）"
          style={{ width: 240 }}
          maxTagCount="responsive"
          options={townshipOptions}
          value={filters.townships}
          onChange={(v: string[]) => set({ townships: v })}
        />
        <Select aria-label="状态" style={{ width: 120 }} options={STATUS_OPTIONS} value={filters.status} onChange={(v: string) => set({ status: v })} />
        <Select
          aria-label="未达标项"
          style={{ width: 230 }}
          options={[{ value: '', label: '全部项目' }, ...parts.map((p) => ({ value: p.id, label: `未达标：${p.label}` }))]}
          value={filters.part}
          onChange={(v: string) => set({ part: v })}
        />
        <Input.Search aria-label="搜索村名" placeholder="搜索村名或拼音首字母" allowClear style={{ width: 200 }} value={search} onChange={(e) => setSearch(e.target.value)} onSearch={(q) => set({ q })} />
        <Typography.Text type="secondary" data-testid="village-total">
          {total === null ? '' : `共 ${total} 个村`}
        </Typography.Text>
      </Space>
      <div>
        <div className="qw-vhead" role="group" aria-label="排序">
          {COLUMNS.map(([label, key]) =>
            key ? (
              <span key={label}>
                <button type="button" onClick={() => set(sortBy(filters, key))} aria-label={`按${label}排序`} data-testid={`sort-${key}`}>
                  {label}
                  {filters.sort === key ? (filters.desc ? ' ↓' : ' ↑') : ''}
                </button>
              </span>
            ) : (
              <span key={label}>{label}</span>
            ),
          )}
        </div>
        <VirtualRows<Listed>
          source={source}
          rowHeight={ROW_HEIGHT}
          height="calc(100vh - 190px)"
          onTotal={onTotal}
          label="村列表"
          render={(v, i, top) => {
            const why = whyLine(v);
            return (
              <div
                key={i}
                className="qw-vrow"
                role="listitem"
                tabIndex={0}
                style={{ top, height: ROW_HEIGHT }}
                onClick={() => navigate(`/village/${v.id}`)}
                onKeyDown={(e) => e.key === 'Enter' && navigate(`/village/${v.id}`)}
                aria-label={`${v.township} ${v.village}`}
                data-testid="village-row"
              >
                <span>{v.township}</span>
                <span>{v.village}</span>
                <span>
                  <StatusText status={v.reported ? v.status : null} />
                  <ProvisionalTag reasons={v.provisional} />
                </span>
                <PartMarks parts={parts} rules={v.rules} />
                <span title={why}>{why}</span>
                <span className="num">{dateTime(v.reportedAt)}</span>
              </div>
            );
          }}
        />
      </div>
    </Space>
  );
}
