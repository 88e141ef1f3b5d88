// 设置 › 报告署名: the county and the reporting organisation every export names (titles, 填报单位, the Word
// report's signature). Checked as the backend checks them (the contract's own schema); empty means the default.

import { useEffect, useState } from 'react';
import { Alert, Button, Card, Form, Input, Space } from 'antd';
import { DEFAULT_COUNTY, DEFAULT_ORGANISATION, settingsArea, type Settings } from '../../shared/api/settings.ts';
import { useApi } from '../api/context.tsx';

const NAME = settingsArea.schemas.setReportNames.shape.county.unwrap();

/** Why a typed name cannot be used, in words; null when it can (or is empty: the default). */
export function nameProblem(text: string): string | null {
  const t = text.trim();
  if (t === '') return null;
  if (NAME.safeParse(t).success) return null;
  if (t.length < 2 || t.length > 30) return '应为 2–30 个字';
  return '不能含换行或 \\ / : * ? " < > | 等字符';
}

export function SettingsReportNames({ settings, onSaved }: { settings: Settings | null; onSaved: () => void }) {
  const { door } = useApi();
  const [county, setCounty] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => {
    setCounty(settings?.reportNames.county ?? '');
    setOrganisation(settings?.reportNames.organisation ?? '');
  }, [settings?.reportNames.county, settings?.reportNames.organisation]);

  const countyProblem = nameProblem(county);
  const orgProblem = nameProblem(organisation);
  const save = async () => {
    const r = await door.call('setReportNames', { county: county.trim() || null, organisation: organisation.trim() || null });
    if (!r.ok) return setNote({ ok: false, text: r.error.message });
    const n = r.value.reportNames;
    setNote({ ok: true, text: `已保存：报告署名为“${n.county ?? DEFAULT_COUNTY}”“${n.organisation ?? (n.county ? `${n.county}妇联` : DEFAULT_ORGANISATION)}”` });
    onSaved();
  };

  return (
    <Card size="small" title="报告署名" data-testid="settings-report-names">
      <Form layout="horizontal" labelCol={{ flex: '110px' }} style={{ maxWidth: 560 }} onFinish={() => void save()}>
        <Form.Item label="县（区）名称" validateStatus={countyProblem ? 'error' : undefined} help={countyProblem} extra={`用于报表标题，如“临江县”；不填时为“${DEFAULT_COUNTY}”`}>
          <Input value={county} onChange={(e) => setCounty(e.target.value)} placeholder="如：临江县" maxLength={40} data-testid="settings-county" />
        </Form.Item>
        <Form.Item
          label="填报单位"
          validateStatus={orgProblem ? 'error' : undefined}
          help={orgProblem}
          extra={`用于“填报单位”和情况报告的落款，如“临江县妇联”；不填时为县名加“妇联”，或“${DEFAULT_ORGANISATION}”`}
        >
          <Input value={organisation} onChange={(e) => setOrganisation(e.target.value)} placeholder="如：临江县妇联" maxLength={40} data-testid="settings-organisation" />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" disabled={!!countyProblem || !!orgProblem} data-testid="settings-names-save">
            保存署名
          </Button>
        </Space>
        {note && <Alert style={{ marginTop: 8 }} type={note.ok ? 'success' : 'error'} showIcon title={note.text} data-testid="settings-names-note" />}
      </Form>
    </Card>
  );
}
