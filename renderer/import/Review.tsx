// 核对读取: the files and their tables on the left (side-by-side and stacked tables each on their own); on
// the right the selected table as it was read, open to correction (TableEditor.tsx). Below, the villages of
// the import with their verdicts and their change against what is stored.

import { useMemo, useState } from 'react';
import { Button, Card, Col, Empty, Row, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { CHANGE_LABEL, type ImportReport, type ImportVillage, type SheetOverrides } from '../../shared/api.ts';
import type { TableLayout } from '../../shared/reading/corrections.ts';
import type { SheetReport } from '../../shared/reading/table.ts';
import { StatusTag } from '../ui/StatusTag.tsx';
import { ReadingTag, TableEditor, familyLabel } from './TableEditor.tsx';
import type { ChosenFile } from './useImportFlow.ts';

export function Villages({ villages }: { villages: ImportVillage[] }) {
  return (
    <Table
      size="small"
      rowKey={(v) => `${v.township}/${v.village}`}
      dataSource={villages}
      pagination={villages.length > 10 ? { pageSize: 10 } : false}
      columns={[
        { title: '乡镇', dataIndex: 'township', width: 110 },
        { title: '村', dataIndex: 'village', width: 120 },
        { title: '状态', width: 100, render: (_: unknown, v: ImportVillage) => <StatusTag status={v.status} /> },
        { title: '变化', width: 90, render: (_: unknown, v: ImportVillage) => <Tag color={v.change === 'noLongerCompliant' ? 'red' : v.change === 'nowCompliant' ? 'green' : undefined}>{CHANGE_LABEL[v.change]}</Tag> },
        { title: '原因', render: (_: unknown, v: ImportVillage) => <Tooltip title={v.why.join('；')}>{v.why.join('；') || '三项均达标'}</Tooltip> },
      ]}
    />
  );
}

/** Where a table sits, for the list: the sheet, and its range when the sheet holds more than one table. */
function where(t: SheetReport, many: boolean): string {
  const range = t.id?.split('!').pop();
  const sheet = t.sheet || '（无名工作表）';
  return many && range ? `${sheet}（${range}）` : sheet;
}

interface ReviewProps {
  report: ImportReport;
  files: ChosenFile[];
  overrides: Record<string, SheetOverrides>;
  confirmed: ReadonlySet<string>;
  onCorrect: (path: string, id: string, layout: TableLayout | null) => void;
  onConfirm: (path: string, table: SheetReport) => void;
}

export function Review({ report, files, overrides, confirmed, onCorrect, onConfirm }: ReviewProps) {
  const tables = useMemo(
    () =>
      report.files.flatMap((f) => {
        const sheets = f.report?.sheets ?? [];
        return sheets.map((t, i) => ({ key: t.id ?? `${f.path}#${i}`, path: f.path, file: f.name, table: t, many: sheets.filter((s) => s.sheet === t.sheet).length > 1 }));
      }),
    [report],
  );
  const [selected, setSelected] = useState<string | null>(null);
  const current = tables.find((t) => t.key === selected) ?? tables.find((t) => t.table.layout === 'none' || (t.table.provisional?.length ?? 0) > 0) ?? tables[0];
  const corrected = (path: string, t: SheetReport) => !!t.id && (overrides[path] ?? []).some((l) => l.id === t.id);
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Row gutter={12}>
        <Col span={7}>
          <Card size="small" title="文件与表格" styles={{ body: { maxHeight: 520, overflow: 'auto', padding: 8 } }}>
            {files.map((f) => (
              <div key={f.name + f.path} style={{ marginBottom: 8 }}>
                <div>
                  <b>{f.name}</b> <Tag color={f.state === '已读取' ? 'green' : f.state === '无法读取' ? 'red' : f.state === '已导入过' ? 'default' : 'gold'}>{f.state}</Tag>
                </div>
                {f.state !== '已读取' && f.message && <Typography.Text type={f.state === '无法读取' ? 'danger' : 'secondary'}>{f.message}</Typography.Text>}
                {tables
                  .filter((t) => t.path === f.path)
                  .map((t) => (
                    <Button key={t.key} type={current?.key === t.key ? 'primary' : 'text'} size="small" block style={{ textAlign: 'left', justifyContent: 'flex-start', height: 'auto', whiteSpace: 'normal' }} onClick={() => setSelected(t.key)}>
                      {where(t.table, t.many)}　<Tag>{familyLabel(t.table).replace(/（.*$/, '')}</Tag>
                      {t.table.orientation === 'columns' && <Tag>横向</Tag>}
                      <ReadingTag table={t.table} confirmedHere={!!t.table.id && confirmed.has(t.table.id)} corrected={corrected(t.path, t.table)} />
                    </Button>
                  ))}
              </div>
            ))}
          </Card>
        </Col>
        <Col span={17}>
          <Card size="small" title={current ? `${current.file} · ${where(current.table, current.many)}` : '读取情况'}>
            {current ? (
              <TableEditor
                key={current.key}
                table={current.table}
                corrected={corrected(current.path, current.table)}
                confirmedHere={!!current.table.id && confirmed.has(current.table.id)}
                onChange={(l) => onCorrect(current.path, l.id, l)}
                onUndo={() => current.table.id && onCorrect(current.path, current.table.id, null)}
                onConfirm={() => onConfirm(current.path, current.table)}
              />
            ) : (
              <Empty description="没有读到表格" />
            )}
          </Card>
        </Col>
      </Row>
      <Card size="small" title={`将导入的村（${report.villages.length}个）`}>
        <Villages villages={report.villages} />
      </Card>
    </Space>
  );
}
