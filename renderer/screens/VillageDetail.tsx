// 村庄详情: what exactly is the matter with this village? Header, one card per part with its verdict
// and reason, the members of the two committees and the representatives (ID masked, shown only at the
// user's own click), and the village's submissions over time.

import { useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, Row, Skeleton, Space, Table, Tag, Timeline, Tooltip, Typography } from 'antd';
import type { PersonView, VillageDetail } from '../../shared/api.ts';
import { useOp } from '../api/context.tsx';
import { ProvisionalTag, StatusTag } from '../ui/StatusTag.tsx';
import { OUTCOME_MARK, dateTime } from '../ui/theme.ts';

const GENDER = { female: '女', male: '男', unknown: '不明' } as const;
const FROM = { id: '据身份证', declared: '据填报', none: '' } as const;
const COUNT_LABEL: Record<string, string> = { members: '成员数', women: '其中女性', chairSeated: '妇联主席进两委', total: '代表数' };

function countText(key: string, n: number | boolean | null): string {
  const value = n === null ? '未填' : typeof n === 'boolean' ? (n ? '是' : '否') : String(n);
  return `${COUNT_LABEL[key] ?? key} ${value}`;
}

function personColumns(reveal: boolean) {
  return [
    { title: '姓名', dataIndex: 'name', width: 110 },
    {
      title: '职务 / 席位',
      render: (_: unknown, p: PersonView) => (
        <Space size={4} wrap>
          {p.seats.map((s) => (
            <Tag key={s} color="blue">
              {s}
            </Tag>
          ))}
          {p.isChair && <Tag color="magenta">村妇联主席</Tag>}
          {p.otherPosts.map((s) => (
            <Tag key={s}>{s}</Tag>
          ))}
        </Space>
      ),
    },
    {
      title: '性别',
      width: 110,
      render: (_: unknown, p: PersonView) => (
        <span>
          {GENDER[p.gender]}
          {p.genderFrom !== 'none' && <Typography.Text type="secondary">（{FROM[p.genderFrom]}）</Typography.Text>}
        </span>
      ),
    },
    {
      title: reveal ? '身份证号' : '身份证号（已隐去中间部分）',
      width: 210,
      render: (_: unknown, p: PersonView) =>
        p.idNumber ? (
          <span className="num">
            {p.idNumber}
            {!p.idValid && (
              <Tooltip title="校验位不对，未采用">
                <Tag color="orange" style={{ marginInlineStart: 6 }}>
                  有误
                </Tag>
              </Tooltip>
            )}
          </span>
        ) : (
          <Typography.Text type="secondary">未填</Typography.Text>
        ),
    },
    {
      title: '来源',
      render: (_: unknown, p: PersonView) => (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {p.sources.map((s) => `${s.file} · ${s.sheet}${s.row ? ` 第${s.row}行` : ''}`).join('；')}
        </Typography.Text>
      ),
    },
  ];
}

function Parts({ v }: { v: VillageDetail }) {
  return (
    <Row gutter={12}>
      {v.verdictParts.map((p) => {
        const m = OUTCOME_MARK[p.outcome];
        return (
          <Col span={8} key={p.id}>
            <Card size="small" title={p.label} style={{ borderTop: `3px solid ${m.color}`, height: '100%' }} data-testid={`part-${p.id}`}>
              <Space orientation="vertical" size={4}>
                <span style={{ color: m.color, fontWeight: 600 }}>
                  {m.mark} {m.label}
                </span>
                <span>{p.reason}</span>
              </Space>
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}

export function VillageDetailScreen({ id }: { id: number }) {
  const settings = useOp('settings', {});
  const [shown, setShown] = useState<boolean | null>(null);
  // Masked unless the user unmasked IDs in 设置, or clicks 显示 here herself.
  const reveal = shown ?? settings.data?.maskIds === false;
  const { data: v, error } = useOp('village', settings.data || settings.error ? { id, revealIds: reveal } : null);
  if (error) return <Alert type="error" showIcon title={error.message} />;
  if (!v) return <Skeleton active />;
  const members = v.persons.filter((p) => p.seats.length > 0 || p.isChair);
  const reps = v.persons.filter((p) => p.isRepresentative);
  const cols = personColumns(reveal);
  const latest = v.history.find((h) => h.current);
  return (
    <Space orientation="vertical" size={14} style={{ width: '100%' }}>
      <Space align="center" size={12} wrap>
        <Button onClick={() => history.back()}>返回</Button>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {v.township} · {v.village}
        </Typography.Title>
        <StatusTag status={v.reported ? v.status : null} />
        <ProvisionalTag reasons={v.provisional} />
        <Typography.Text type="secondary">
          规则：{v.ruleSet ?? '—'}　报送：{dateTime(v.reportedAt)}
          {latest ? `（${latest.submissions.map((s) => s.file).join('、')}）` : ''}
        </Typography.Text>
      </Space>
      {v.provisional?.length ? (
        <Alert type="warning" showIcon title="待核对：这个村的结论所依据的表格是按推测读取的，请到“导入”中核对读取方式" description={v.provisional.join('；')} data-testid="provisional-why" />
      ) : null}
      {v.reported ? <Parts v={v} /> : <Alert type="info" showIcon title="这个村尚未报送" />}
      <Card
        size="small"
        title={`两委成员（${members.length}人）`}
        extra={
          <Button size="small" onClick={() => setShown(!reveal)} aria-pressed={reveal}>
            {reveal ? '隐去身份证号' : '显示完整身份证号'}
          </Button>
        }
      >
        <Table size="small" rowKey={(p) => `${p.name}-${p.sources[0]?.row}`} pagination={false} columns={cols} dataSource={members} />
      </Card>
      <Card size="small" title={`村民代表（${reps.length}人）`}>
        <Table size="small" rowKey={(p) => `${p.name}-${p.sources[0]?.row}`} pagination={reps.length > 20 ? { pageSize: 20 } : false} columns={cols} dataSource={reps} />
      </Card>
      {v.currentParts.some((p) => p.form === 'counts') && (
        <Card size="small" title="统计表报送的数字">
          <Descriptions size="small" column={1}>
            {v.currentParts
              .filter((p) => p.form === 'counts')
              .map((p) => (
                <Descriptions.Item key={p.kind} label={p.kind === 'committees' ? '两委' : '村民代表'}>
                  {Object.entries(p.counts ?? {})
                    .map(([k, n]) => countText(k, n as number | boolean | null))
                    .join('，')}
                  （{p.source.file} · {p.source.sheet}）
                </Descriptions.Item>
              ))}
          </Descriptions>
        </Card>
      )}
      <Card size="small" title="报送记录">
        <Timeline
          items={v.history.map((h) => ({
            color: h.current ? 'blue' : 'gray',
            content: (
              <span>
                <b className="num">{dateTime(h.importedAt)}</b>　{h.submissions.map((s) => `${s.file}（${s.kinds.map((k) => (k === 'committees' ? '两委' : '村民代表')).join('、')}，${s.rows}行）`).join('；')}
                {h.verdict && (
                  <span>
                    　<StatusTag status={h.verdict.status} />
                  </span>
                )}
                {h.current && <Tag style={{ marginInlineStart: 6 }}>当前</Tag>}
              </span>
            ),
          }))}
        />
      </Card>
    </Space>
  );
}
