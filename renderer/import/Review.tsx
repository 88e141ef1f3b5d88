// 核对读取: the files, their sheets and tables on the left; on the right the selected table as it was
// read (how, which columns meant what, which rows became which village, what was skipped and why), with
// the meaning of each column and the header rows open to correction. Below, the villages of the import
// with their verdicts and their change against what is stored.

import { useMemo, useState } from 'react';
import { Button, Card, Col, Empty, InputNumber, List, Row, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { CHANGE_LABEL, type ImportReport, type ImportVillage, type SheetOverrides } from '../../shared/api.ts';
import { ROLE_LABELS, type ColumnRole } from '../../shared/reading/columns.ts';
import type { SheetReport } from '../../shared/reading/sheet.ts';
import { StatusTag } from '../ui/StatusTag.tsx';
import type { ChosenFile } from './useImportFlow.ts';

const LAYOUT_LABEL: Record<SheetReport['layout'], string> = { roster: '人员名单', counts: '统计表', 'village-list': '村名单', none: '未识别', hidden: '隐藏表' };
const ROLE_OPTIONS = [{ value: '', label: '不使用' }, ...Object.entries(ROLE_LABELS).map(([value, label]) => ({ value, label }))];

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function letter(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The sheet's reading as an override: its columns and header rows, 0-based. */
function overrideOf(t: SheetReport): SheetOverrides[string] {
  return { mapping: Object.fromEntries(t.columns.map((c) => [String(columnIndex(c.column)), c.role])), headerRows: t.headerRows.map((r) => r - 1) };
}

function Mapping({ table, onChange, corrected, onUndo }: { table: SheetReport; onChange: (v: SheetOverrides[string]) => void; corrected: boolean; onUndo: () => void }) {
  const [newCol, setNewCol] = useState<number | null>(null);
  const base = overrideOf(table);
  const setRole = (col: number, role: string) => {
    const mapping = { ...base.mapping };
    if (role) mapping[String(col)] = role as ColumnRole;
    else delete mapping[String(col)];
    onChange({ ...base, mapping });
  };
  const headerRows = table.headerRows.length ? table.headerRows : [1];
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      <Space wrap>
        <span>表头所在行：</span>
        <InputNumber aria-label="表头起始行" min={1} max={1000} value={headerRows[0]} onChange={(v) => v && onChange({ ...base, headerRows: Array.from({ length: headerRows.length }, (_, i) => v - 1 + i) })} />
        <span>至</span>
        <InputNumber
          aria-label="表头结束行"
          min={headerRows[0]}
          max={headerRows[0] + 19}
          value={headerRows[headerRows.length - 1]}
          onChange={(v) => v && onChange({ ...base, headerRows: Array.from({ length: v - headerRows[0] + 1 }, (_, i) => headerRows[0] - 1 + i) })}
        />
        {corrected && (
          <Button size="small" onClick={onUndo}>
            恢复自动识别
          </Button>
        )}
      </Space>
      <Table
        size="small"
        pagination={false}
        rowKey="column"
        dataSource={table.columns}
        columns={[
          { title: '列', dataIndex: 'column', width: 48 },
          { title: '表头', dataIndex: 'header', render: (h: string) => h || <Typography.Text type="secondary">（无表头）</Typography.Text> },
          {
            title: '含义',
            width: 200,
            render: (_: unknown, c: SheetReport['columns'][number]) => (
              <Select
                aria-label={`${c.column}列的含义`}
                data-testid={`role-${c.column}`}
                style={{ width: 180 }}
                options={ROLE_OPTIONS}
                value={c.role}
                showSearch={{ optionFilterProp: 'label' }}
                onChange={(v: string) => setRole(columnIndex(c.column), v)}
              />
            ),
          },
          { title: '', width: 90, render: (_: unknown, c: SheetReport['columns'][number]) => (c.byValue ? <Tag>据内容判断</Tag> : null) },
        ]}
      />
      <Space wrap>
        <span>再指定一列：</span>
        <InputNumber aria-label="列序号（A=1）" min={1} max={200} placeholder="第几列" value={newCol} onChange={(v) => setNewCol(v)} />
        {newCol !== null && <Typography.Text>（{letter(newCol - 1)}列）</Typography.Text>}
        <Select aria-label="新指定列的含义" style={{ width: 180 }} placeholder="选择含义" showSearch={{ optionFilterProp: 'label' }} options={ROLE_OPTIONS.slice(1)} disabled={newCol === null} onChange={(v: string) => newCol !== null && setRole(newCol - 1, v)} value={null} />
      </Space>
    </Space>
  );
}

function TableView({ table, ...rest }: { table: SheetReport; onChange: (v: SheetOverrides[string]) => void; corrected: boolean; onUndo: () => void }) {
  return (
    <Space orientation="vertical" size={10} style={{ width: '100%' }}>
      <Space wrap>
        <Tag color="blue">{LAYOUT_LABEL[table.layout]}</Tag>
        {rest.corrected ? <Tag color="purple">已更正</Tag> : table.layout === 'none' ? <Tag color="gold">待核对</Tag> : <Tag color="green">已识别</Tag>}
        <Typography.Text type="secondary">
          {table.township.name ? `乡镇：${table.township.name}` : '未找到乡镇名称'}　数据 {table.dataRows} 行　跳过 {table.skippedCount} 行
        </Typography.Text>
      </Space>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {table.note}
      </Typography.Paragraph>
      <Mapping table={table} {...rest} />
      {table.villages.length > 0 && (
        <Typography.Paragraph style={{ margin: 0 }}>
          各村行数：
          {table.villages.map((v) => `${v.village} ${v.rows}行（第${v.firstRow}–${v.lastRow}行）`).join('；')}
        </Typography.Paragraph>
      )}
      {table.skipped.length > 0 && (
        <details>
          <summary>跳过的行（{table.skippedCount}）</summary>
          <List size="small" dataSource={table.skipped.slice(0, 100)} renderItem={(s) => <List.Item>第{s.row}行：{s.reason}</List.Item>} />
        </details>
      )}
    </Space>
  );
}

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

export function Review({ report, files, overrides, onCorrect }: { report: ImportReport; files: ChosenFile[]; overrides: Record<string, SheetOverrides>; onCorrect: (path: string, sheet: string, v: SheetOverrides[string] | null) => void }) {
  const tables = useMemo(() => report.files.flatMap((f) => (f.report?.sheets ?? []).map((t, i) => ({ key: `${f.path}#${i}`, path: f.path, file: f.name, table: t }))), [report]);
  const [selected, setSelected] = useState<string | null>(null);
  const current = tables.find((t) => t.key === selected) ?? tables[0];
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Row gutter={12}>
        <Col span={8}>
          <Card size="small" title="文件与工作表" styles={{ body: { maxHeight: 420, overflow: 'auto', padding: 8 } }}>
            {files.map((f) => (
              <div key={f.name + f.path} style={{ marginBottom: 8 }}>
                <div>
                  <b>{f.name}</b> <Tag color={f.state === '已读取' ? 'green' : f.state === '无法读取' ? 'red' : 'blue'}>{f.state}</Tag>
                </div>
                {f.state === '无法读取' && <Typography.Text type="danger">{f.message}</Typography.Text>}
                {tables
                  .filter((t) => t.path === f.path)
                  .map((t) => (
                    <Button key={t.key} type={current?.key === t.key ? 'primary' : 'text'} size="small" block style={{ textAlign: 'left', justifyContent: 'flex-start' }} onClick={() => setSelected(t.key)}>
                      {t.table.sheet}　<Tag>{LAYOUT_LABEL[t.table.layout]}</Tag>
                    </Button>
                  ))}
              </div>
            ))}
          </Card>
        </Col>
        <Col span={16}>
          <Card size="small" title={current ? `${current.file} · ${current.table.sheet}` : '读取情况'}>
            {current ? (
              <TableView
                key={current.key}
                table={current.table}
                corrected={!!overrides[current.path]?.[current.table.sheet]}
                onChange={(v) => onCorrect(current.path, current.table.sheet, v)}
                onUndo={() => onCorrect(current.path, current.table.sheet, null)}
              />
            ) : (
              <Empty description="没有读到工作表" />
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
