// 导出: choose the report, see its summary figures, pick the state of an earlier import or day, and
// save it (the system's save dialog in the window, a download in a browser). A full-ID export is a
// separate checkbox with a warning.

import { useState } from 'react';
import { Alert, Button, Card, Checkbox, Input, Radio, Select, Space, Typography } from 'antd';
import { ExportOutlined } from '@ant-design/icons';
import { useApi, useOp } from '../api/context.tsx';
import { dateTime } from '../ui/theme.ts';
import { ExportPreview } from './ExportPreview.tsx';
import { DEFAULT_COUNTY, DEFAULT_ORGANISATION } from '../../shared/api/settings.ts';
import { CHOICES, runExport, type Choice, type Outcome } from './ExportSave.ts';

type AsOfMode = 'latest' | 'import' | 'date';

export function Export() {
  const { door } = useApi();
  const [choice, setChoice] = useState<Choice>('xlsx');
  const [mode, setMode] = useState<AsOfMode>('latest');
  const [importId, setImportId] = useState<number | null>(null);
  const [day, setDay] = useState('');
  const [fullIds, setFullIds] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const imports = useOp('imports', {});
  const settings = useOp('settings', {});
  const unnamed = settings.data && settings.data.reportNames.county === null && settings.data.reportNames.organisation === null;
  const asOf = mode === 'import' && importId !== null ? importId : mode === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : undefined;
  const report = useOp('report', asOf === undefined ? {} : { asOf });
  const usesModel = choice !== 'template';

  async function save() {
    setBusy(true);
    setOutcome(null);
    setOutcome(await runExport(door, { choice, asOf, fullIds: fullIds && choice !== 'template' }, report.data));
    setBusy(false);
  }

  return (
    <Space orientation="vertical" size={14} style={{ width: '100%' }} data-testid="export-screen">
      <Card size="small" title="选择报表">
        <Radio.Group value={choice} onChange={(e) => setChoice(e.target.value as Choice)} data-testid="export-choice">
          <Space orientation="vertical" size={4}>
            {CHOICES.map((c) => (
              <Radio key={c.key} value={c.key} data-testid={`export-kind-${c.key}`}>
                {c.label}
                <Typography.Text type="secondary">　{c.note}</Typography.Text>
              </Radio>
            ))}
          </Space>
        </Radio.Group>
      </Card>
      {usesModel && (
        <Card size="small" title="数据时点">
          <Space wrap>
            <Radio.Group value={mode} onChange={(e) => setMode(e.target.value as AsOfMode)} optionType="button">
              <Radio.Button value="latest">最新数据</Radio.Button>
              <Radio.Button value="import">某次导入后</Radio.Button>
              <Radio.Button value="date">某一天</Radio.Button>
            </Radio.Group>
            {mode === 'import' && (
              <Select
                style={{ minWidth: 320 }}
                placeholder="选择一次导入"
                value={importId ?? undefined}
                onChange={(v: number) => setImportId(v)}
                loading={imports.loading}
                data-testid="export-asof-import"
                options={(imports.data ?? []).map((i) => ({ value: i.id, label: `第${i.id}次导入　${dateTime(i.importedAt)}　${i.villages}个村` }))}
              />
            )}
            {mode === 'date' && <Input type="date" style={{ width: 180 }} value={day} onChange={(e) => setDay(e.target.value)} aria-label="截至日期" data-testid="export-asof-date" />}
          </Space>
        </Card>
      )}
      {usesModel && unnamed && (
        <Alert
          type="info"
          showIcon
          data-testid="export-names-hint"
          title={<span>报表中的县名和填报单位目前为“{DEFAULT_COUNTY}”“{DEFAULT_ORGANISATION}”。请先到 <a href="#/settings">设置 › 报告署名</a> 填写本县的名称。</span>}
        />
      )}
      {usesModel && (
        <Card size="small" title="预览">
          <ExportPreview model={report.data} error={report.error} />
        </Card>
      )}
      <Card size="small">
        <Space orientation="vertical" style={{ width: '100%' }}>
          {usesModel && (
            <Checkbox checked={fullIds} onChange={(e) => setFullIds(e.target.checked)} data-testid="export-full-ids">
              导出完整身份证号
            </Checkbox>
          )}
          {usesModel && fullIds && (
            <Alert type="warning" showIcon title="导出的文件将含有完整身份证号。请只在确有需要时使用，妥善保管文件，不要通过微信、QQ 等转发。" />
          )}
          <Button type="primary" icon={<ExportOutlined />} loading={busy} disabled={usesModel && !report.data} onClick={() => void save()} data-testid="export-go">
            导出{CHOICES.find((c) => c.key === choice)!.label}
          </Button>
          {outcome && <Alert type={outcome.ok ? 'success' : 'error'} showIcon title={outcome.message} data-testid="export-outcome" />}
        </Space>
      </Card>
    </Space>
  );
}
