// 设置: the rule set in force, and the imports kept in the store (the last one can be undone).

import { Alert, Button, Card, Descriptions, Popconfirm, Space, Table } from 'antd';
import type { ImportInfo } from '../../shared/api.ts';
import { useApi, useOp } from '../api/context.tsx';
import { dateTime } from '../ui/theme.ts';
import { useState } from 'react';

export function Settings() {
  const { door, changed } = useApi();
  const summary = useOp('countySummary', {});
  const imports = useOp('imports', {});
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const undo = async () => {
    const r = await door.call('undoLastImport', {});
    setMsg(r.ok ? { ok: true, text: r.value.message } : { ok: false, text: r.error.message });
    if (r.ok) changed();
  };
  return (
    <Space orientation="vertical" size={14} style={{ width: '100%' }}>
      <Card size="small" title="核算规则">
        <Descriptions size="small" column={1}>
          <Descriptions.Item label="当前规则">{summary.data?.ruleSet ?? '两进一有'}</Descriptions.Item>
          {(summary.data?.parts ?? []).map((p, i) => (
            <Descriptions.Item key={p.id} label={`第${i + 1}项`}>
              {p.label}
            </Descriptions.Item>
          ))}
        </Descriptions>
      </Card>
      <Card
        size="small"
        title="导入记录"
        extra={
          (imports.data?.length ?? 0) > 0 && (
            <Popconfirm title="撤销最近一次导入？" okText="撤销" cancelText="不撤销" onConfirm={() => void undo()}>
              <Button danger size="small">
                撤销最近一次导入
              </Button>
            </Popconfirm>
          )
        }
      >
        {msg && <Alert style={{ marginBottom: 8 }} type={msg.ok ? 'success' : 'error'} showIcon title={msg.text} />}
        <Table<ImportInfo>
          size="small"
          rowKey="id"
          dataSource={imports.data ?? []}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          columns={[
            { title: '时间', render: (_, i) => <span className="num">{dateTime(i.importedAt)}</span>, width: 150 },
            { title: '文件', render: (_, i) => i.files.map((f) => f.name).join('、') },
            { title: '村数', dataIndex: 'villages', width: 70 },
            { title: '人数', dataIndex: 'persons', width: 70 },
            { title: '规则', dataIndex: 'ruleSet', width: 90 },
          ]}
        />
      </Card>
    </Space>
  );
}
