// 数据问题: every finding of the current data, grouped by file, then by kind (stable codes), with counts;
// a group opens to its rows, each naming its sheet and row and leading to its village.

import { useMemo } from 'react';
import { Alert, Collapse, Empty, Skeleton, Space, Table, Tag, Typography } from 'antd';
import type { FindingRow } from '../../shared/api.ts';
import { useOp } from '../api/context.tsx';
import { navigate } from '../app/route.ts';
import { FINDING_KIND, SEVERITY_COLOR, SEVERITY_LABEL } from '../ui/findingKinds.ts';

interface Group {
  file: string;
  kinds: Array<{ code: FindingRow['code']; rows: FindingRow[] }>;
  total: number;
}

function group(findings: FindingRow[]): Group[] {
  const files = new Map<string, Map<FindingRow['code'], FindingRow[]>>();
  for (const f of findings) {
    const kinds = files.get(f.file) ?? new Map();
    files.set(f.file, kinds);
    kinds.set(f.code, [...(kinds.get(f.code) ?? []), f]);
  }
  return [...files.entries()]
    .map(([file, kinds]) => ({ file, kinds: [...kinds.entries()].map(([code, rows]) => ({ code, rows })).sort((a, b) => b.rows.length - a.rows.length), total: [...kinds.values()].reduce((n, r) => n + r.length, 0) }))
    .sort((a, b) => b.total - a.total);
}

const COLUMNS = [
  { title: '工作表', dataIndex: 'sheet', width: 140, render: (s: string | null) => s ?? '—' },
  { title: '行', dataIndex: 'row', width: 60, render: (r: number | null) => <span className="num">{r ?? '—'}</span> },
  { title: '村', width: 140, render: (_: unknown, f: FindingRow) => (f.villageId ? <Typography.Link onClick={() => navigate(`/village/${f.villageId}`)}>{f.village ?? '查看'}</Typography.Link> : (f.village ?? '—')) },
  { title: '说明', dataIndex: 'message' },
];

export function Findings({ params }: { params: URLSearchParams }) {
  const { data, error } = useOp('findings', { scope: 'current', limit: 10_000 });
  const groups = useMemo(() => (data ? group(data.findings) : []), [data]);
  if (error) return <Alert type="error" showIcon title={error.message} />;
  if (!data) return <Skeleton active />;
  if (data.total === 0) return <Empty description="当前数据没有数据问题" />;
  const open = params.get('file');
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Typography.Text>
        {groups.length} 个文件共有 <b className="num">{data.total}</b> 条数据问题{data.total > data.findings.length ? `（显示前 ${data.findings.length} 条）` : ''}。
      </Typography.Text>
      <Collapse
        defaultActiveKey={open ? [open] : [groups[0].file]}
        items={groups.map((g) => ({
          key: g.file,
          label: (
            <span>
              {g.file}　<Typography.Text type="secondary">{g.total} 条：{g.kinds.slice(0, 3).map((k) => `${FINDING_KIND[k.code] ?? k.code} ${k.rows.length}`).join('，')}{g.kinds.length > 3 ? '…' : ''}</Typography.Text>
            </span>
          ),
          children: (
            <Collapse
              size="small"
              items={g.kinds.map((k) => ({
                key: k.code,
                label: (
                  <span data-testid={`kind-${k.code}`}>
                    <Tag color={SEVERITY_COLOR[k.rows[0].severity]}>{SEVERITY_LABEL[k.rows[0].severity]}</Tag>
                    {FINDING_KIND[k.code] ?? k.code} <b className="num">{k.rows.length}</b> 条
                  </span>
                ),
                children: <Table size="small" rowKey="id" columns={COLUMNS} dataSource={k.rows} pagination={k.rows.length > 50 ? { pageSize: 50 } : false} />,
              }))}
            />
          ),
        }))}
      />
    </Space>
  );
}
