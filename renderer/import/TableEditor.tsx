// One table of the preview as it was read, open to correction: its tags (family, 横向, 已识别 / 待核对 /
// 已确认), the header rows, the orientation, the village or township where the sheet names none, and every
// column with its header, meaning and samples. Each change is a TableLayout for the table's id
// (shared/reading/corrections.ts), read again at once; 确认此表读取方式 remembers the layout.

import { useState } from 'react';
import { Alert, Button, Input, InputNumber, List, Select, Space, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import { ROLE_LABELS, type ColumnRole } from '../../shared/reading/columns.ts';
import type { TableLayout } from '../../shared/reading/corrections.ts';
import type { ColumnReport, SheetReport } from '../../shared/reading/table.ts';
import { layoutOf } from './useImportFlow.ts';

const LAYOUT_LABEL: Record<SheetReport['layout'], string> = { roster: '人员名单', counts: '统计表', 'village-list': '村名单', none: '未识别', hidden: '隐藏表' };
const ROLE_OPTIONS = [{ value: '', label: '不使用' }, ...Object.entries(ROLE_LABELS).map(([value, label]) => ({ value, label }))];

/** The family a table was read as, in words ("人员名单（一行一人）"), or its layout's short name. */
export function familyLabel(t: SheetReport): string {
  const score = t.detection?.scores.find((s) => s.family === t.family);
  return t.layout === 'none' || t.layout === 'hidden' || !score ? LAYOUT_LABEL[t.layout] : score.label;
}

/** Where a table's reading stands: confirmed here, read by a remembered layout, corrected, provisional, or recognised. */
export function ReadingTag({ table, confirmedHere, corrected }: { table: SheetReport; confirmedHere: boolean; corrected: boolean }) {
  if (confirmedHere) return <Tag color="green">已确认</Tag>;
  if (table.confirmed?.by === 'remembered') {
    return (
      <Tooltip title={`按 ${table.confirmed.file} 中确认过的读法读取`}>
        <Tag color="green">已确认（按记住的读法）</Tag>
      </Tooltip>
    );
  }
  if (corrected) return <Tag color="purple">已更正，待确认</Tag>;
  const reasons = table.provisional ?? [];
  if (table.layout === 'none' || reasons.length > 0) {
    return (
      <Tooltip title={reasons.length ? reasons.join('；') : table.note}>
        <Tag color="gold" data-testid="provisional">
          待核对
        </Tag>
      </Tooltip>
    );
  }
  return <Tag color="blue">已识别</Tag>;
}

interface EditorProps {
  table: SheetReport;
  corrected: boolean;
  confirmedHere: boolean;
  onChange: (layout: TableLayout) => void;
  onUndo: () => void;
  onConfirm: () => void;
}

function HeaderRows({ table, set }: { table: SheetReport; set: (p: Partial<TableLayout>) => void }) {
  const rows = table.headerRows.length ? table.headerRows : [1];
  const side = table.orientation === 'columns';
  const span = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
  return (
    <Space wrap>
      <span>{side ? '表头所在列（A=1）：' : '表头所在行：'}</span>
      <InputNumber aria-label="表头起始行" min={1} max={100_000} value={rows[0]} onChange={(v) => v && set({ headerRows: span(v, v + rows.length - 1) })} />
      <span>至</span>
      <InputNumber aria-label="表头结束行" min={rows[0]} max={rows[0] + 19} value={rows[rows.length - 1]} onChange={(v) => v && set({ headerRows: span(rows[0], v) })} />
      <span style={{ marginLeft: 12 }}>横向（各村在列上）：</span>
      <Switch aria-label="横向" checked={side} onChange={(on) => set({ orientation: on ? 'columns' : 'rows' })} />
    </Space>
  );
}

function Place({ table, set }: { table: SheetReport; set: (p: Partial<TableLayout>) => void }) {
  const place = table.place ?? {};
  const put = (key: 'township' | 'village', v: string) => set({ place: { ...place, [key]: v.trim() || null } });
  return (
    <Space wrap>
      <span>表中未写明时，本表属于：</span>
      <Input aria-label="本表所属乡镇" style={{ width: 140 }} placeholder={table.township.name ?? '乡镇'} defaultValue={place.township ?? ''} onBlur={(e) => e.target.value !== (place.township ?? '') && put('township', e.target.value)} onPressEnter={(e) => put('township', e.currentTarget.value)} />
      <Input aria-label="本表所属村" style={{ width: 140 }} placeholder="村（一村一表时）" defaultValue={place.village ?? ''} onBlur={(e) => e.target.value !== (place.village ?? '') && put('village', e.target.value)} onPressEnter={(e) => put('village', e.currentTarget.value)} />
    </Space>
  );
}

function Columns({ table, setRole }: { table: SheetReport; setRole: (index: number, role: ColumnRole | null) => void }) {
  return (
    <Table<ColumnReport>
      size="small"
      pagination={table.columns.length > 12 ? { pageSize: 12, hideOnSinglePage: true } : false}
      rowKey="index"
      dataSource={table.columns}
      locale={{ emptyText: `还没有找到这张表的表头。请在上方“表头所在行”填写表头（如“姓名、性别、职务”）在原表格的第几${table.orientation === 'columns' ? '列' : '行'}，各列会随即列出。` }}
      columns={[
        { title: table.orientation === 'columns' ? '行' : '列', dataIndex: 'column', width: 56 },
        { title: '表头', dataIndex: 'header', render: (h: string) => h || <Typography.Text type="secondary">（无表头）</Typography.Text> },
        {
          title: '含义',
          width: 200,
          render: (_, c) => (
            <Select
              aria-label={`${c.column}列的含义`}
              data-testid={`role-${c.column}`}
              style={{ width: 180 }}
              options={ROLE_OPTIONS}
              value={c.role ?? ''}
              showSearch={{ optionFilterProp: 'label' }}
              onChange={(v: string) => setRole(c.index, v ? (v as ColumnRole) : null)}
            />
          ),
        },
        { title: '样例', render: (_, c) => <Typography.Text type="secondary">{c.samples.slice(0, 3).join('，')}</Typography.Text> },
        { title: '', width: 90, render: (_, c) => (c.byValue ? <Tag>据内容判断</Tag> : null) },
      ]}
    />
  );
}

function ExtraColumn({ setRole }: { setRole: (index: number, role: ColumnRole | null) => void }) {
  const [col, setCol] = useState<number | null>(null);
  return (
    <Space wrap>
      <span>再指定一列：</span>
      <InputNumber aria-label="列序号（A=1）" min={1} max={16_384} placeholder="第几列" value={col} onChange={(v) => setCol(v)} />
      <Select aria-label="新指定列的含义" style={{ width: 180 }} placeholder="选择含义" showSearch={{ optionFilterProp: 'label' }} options={ROLE_OPTIONS.slice(1)} disabled={col === null} onChange={(v: string) => col !== null && setRole(col - 1, v as ColumnRole)} value={null} />
    </Space>
  );
}

const TOWNSHIP_FROM: Record<NonNullable<SheetReport['township']['from']>, string> = {
  column: '乡镇列',
  section: '分段标题行',
  title: '表格标题',
  sheet: '工作表名',
  file: '文件名',
  layout: '手工指定',
};

/** Where the table's township comes from, in words: a 乡镇 column names it row by row. */
export function townshipText(table: SheetReport): string {
  const column = table.columns.find((c) => c.role === 'township');
  if (column || table.township.from === 'column') {
    const names = [...new Set(table.villages.map((v) => v.township))];
    const shown = names.length > 3 ? `${names.slice(0, 3).join('、')}等${names.length}个` : names.join('、');
    return `乡镇：按乡镇列${column && table.orientation !== 'columns' ? `（${column.column}列）` : ''}${shown ? `，${shown}` : ''}`;
  }
  if (table.township.name) return `乡镇：${table.township.name}${table.township.from ? `（取自${TOWNSHIP_FROM[table.township.from]}）` : ''}`;
  return '未找到乡镇名称';
}

export function TableEditor({ table, corrected, confirmedHere, onChange, onUndo, onConfirm }: EditorProps) {
  const base = layoutOf(table);
  const set = (p: Partial<TableLayout>) => onChange({ ...base, ...p });
  const setRole = (index: number, role: ColumnRole | null) => {
    const columns = (base.columns ?? []).filter((c) => c.index !== index);
    onChange({ ...base, columns: [...columns, { index, role }].sort((a, b) => a.index - b.index) });
  };
  const families = table.detection?.scores ?? [];
  return (
    <Space orientation="vertical" size={10} style={{ width: '100%' }}>
      <Space wrap>
        <Tag color="blue">{familyLabel(table)}</Tag>
        {table.orientation === 'columns' && <Tag color="cyan">横向</Tag>}
        <ReadingTag table={table} confirmedHere={confirmedHere} corrected={corrected} />
        <Typography.Text type="secondary">
          {townshipText(table)}　数据 {table.dataRows} 行　跳过 {table.skippedCount} 行
        </Typography.Text>
      </Space>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {table.note}
      </Typography.Paragraph>
      {table.confirmed?.by === 'remembered' && !corrected && <Alert type="info" showIcon title={`已按 ${table.confirmed.file} 中确认过的读法自动读取（可在“设置”中忘记这个读法）`} data-testid="remembered-note" />}
      {(table.provisional?.length ?? 0) > 0 && !confirmedHere && <Alert type="warning" showIcon title={`待核对：${table.provisional!.join('；')}`} />}
      <HeaderRows table={table} set={set} />
      {families.length > 1 && (
        <Space wrap>
          <span>读作：</span>
          <Select aria-label="表的种类" style={{ width: 220 }} value={table.family} options={families.map((f) => ({ value: f.family, label: f.label }))} onChange={(family: string) => set({ family })} />
        </Space>
      )}
      <Place key={table.id} table={table} set={set} />
      <Columns table={table} setRole={setRole} />
      <ExtraColumn setRole={setRole} />
      <Space wrap>
        {confirmedHere ? (
          <Alert type="success" showIcon title="已确认：下次同样格式的表格将自动按此读取" data-testid="confirmed-note" />
        ) : (
          <>
            <Button type="primary" ghost disabled={table.columns.length === 0 || !table.id} onClick={onConfirm} data-testid="confirm-table">
              确认此表读取方式
            </Button>
            <Typography.Text type="secondary">下次同样格式的表格将自动按此读取</Typography.Text>
          </>
        )}
        {corrected && <Button onClick={onUndo}>恢复自动识别</Button>}
      </Space>
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
