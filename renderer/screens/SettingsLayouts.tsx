// 设置 · 记住的读法: the layouts a person confirmed (file, sheet, when, the header's words and what each
// column was read as), each with 忘记 (asked once). A later file of the same header reads itself by them.

import { useState } from 'react';
import { Alert, Button, Card, Popconfirm, Table, Typography } from 'antd';
import type { LayoutInfo } from '../../shared/api.ts';
import { useApi, useOp } from '../api/context.tsx';

const when = (iso: string) => iso.slice(0, 16).replace('T', ' ');

export function SettingsLayouts() {
  const { door, changed } = useApi();
  const layouts = useOp('layouts', {});
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  const forget = async (l: LayoutInfo) => {
    const r = await door.call('forgetLayout', { layoutId: l.id });
    setNote(r.ok ? { ok: true, text: `已忘记 ${l.file} · ${l.sheet} 的读法` } : { ok: false, text: r.error.message });
    changed();
  };
  return (
    <Card size="small" title="记住的读法" data-testid="layouts">
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        导入时确认过的表格读法。以后表头相同的表格会自动按此读取。
      </Typography.Paragraph>
      {note && <Alert style={{ marginBottom: 8 }} type={note.ok ? 'success' : 'error'} showIcon title={note.text} />}
      {layouts.error && <Alert type="error" showIcon title={layouts.error.message} />}
      <Table<LayoutInfo>
        size="small"
        rowKey="id"
        loading={layouts.loading}
        dataSource={layouts.data?.layouts ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: '还没有记住的读法' }}
        columns={[
          { title: '文件', dataIndex: 'file', width: 180 },
          { title: '工作表', dataIndex: 'sheet', width: 110 },
          { title: '记住于', width: 140, render: (_, l) => <span className="num">{when(l.savedAt)}</span> },
          { title: '表头与含义', render: (_, l) => l.columns.map((c) => `${c.header || '（空）'}→${c.label}`).join('；') },
          {
            title: '',
            width: 70,
            render: (_, l) => (
              <Popconfirm title="忘记这个读法？" description="以后同样格式的表格将重新自动识别。" okText="忘记" cancelText="保留" onConfirm={() => void forget(l)}>
                <Button size="small" danger aria-label={`忘记 ${l.file} · ${l.sheet} 的读法`}>
                  忘记
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </Card>
  );
}
