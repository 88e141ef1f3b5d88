// 未报送: the villages on the master list not yet reported, by township, and those reported but not on
// the list. The master list is loaded here.

import { Alert, Card, Collapse, Empty, Skeleton, Space, Tag, Typography } from 'antd';
import { useOp } from '../api/context.tsx';
import { navigate } from '../app/route.ts';
import { MasterListLoader } from './MasterListLoader.tsx';

function byTownship<T extends { township: string }>(rows: T[]): Array<[string, T[]]> {
  const m = new Map<string, T[]>();
  for (const r of rows) m.set(r.township, [...(m.get(r.township) ?? []), r]);
  return [...m.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0], 'zh'));
}

export function NotReported() {
  const summary = useOp('countySummary', {});
  const missing = useOp('villages', { status: 'notReported', limit: 5000 });
  const outside = useOp('villages', { expected: false, limit: 5000 });
  const list = summary.data?.masterList;
  if (summary.error) return <Alert type="error" showIcon title={summary.error.message} />;
  if (!summary.data) return <Skeleton active />;
  return (
    <Space orientation="vertical" size={14} style={{ width: '100%' }}>
      <Card size="small" title="应报村名单">
        {list ? (
          <Typography.Paragraph style={{ marginBottom: 8 }}>
            当前名单：{list.file}，共 <b className="num">{list.villages}</b> 个村；其中未报送 <b className="num">{summary.data.county.notReported}</b> 个。
          </Typography.Paragraph>
        ) : (
          <Typography.Paragraph style={{ marginBottom: 8 }}>尚未载入应报村名单。载入后，这里会按乡镇列出还没有报送的村。</Typography.Paragraph>
        )}
        <MasterListLoader replacing={!!list} />
      </Card>
      {list && (
        <Card size="small" title={`未报送的村（${missing.data?.total ?? '…'}个）`}>
          {missing.data?.total === 0 ? (
            <Empty description="名单上的村都已报送" />
          ) : (
            <Collapse
              items={byTownship(missing.data?.villages ?? []).map(([t, vs]) => ({
                key: t,
                label: `${t}　未报送 ${vs.length} 个村`,
                children: (
                  <Space wrap>
                    {vs.map((v) => (
                      <Tag key={v.id}>{v.village}</Tag>
                    ))}
                  </Space>
                ),
              }))}
            />
          )}
        </Card>
      )}
      {list && (outside.data?.total ?? 0) > 0 && (
        <Card size="small" title={`已报送但不在名单上的村（${outside.data!.total}个）`}>
          <Space wrap>
            {outside.data!.villages.map((v) => (
              <Tag key={v.id} style={{ cursor: 'pointer' }} onClick={() => navigate(`/village/${v.id}`)}>
                {v.township} · {v.village}
              </Tag>
            ))}
          </Space>
        </Card>
      )}
    </Space>
  );
}
