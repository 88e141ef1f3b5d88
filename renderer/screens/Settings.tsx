// 设置: the rule set (built-in, or a county's JSON file, checked on loading), ID masking, where the data
// lives, backup and restore of the database (a restore is checked first and asked once; the current
// database is kept), and the imports kept in the store (the last one can be undone).

import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Modal, Popconfirm, Select, Space, Switch, Table, Typography } from 'antd';
import type { BackupInspection, ImportInfo } from '../../shared/api.ts';
import { useApi, useOp } from '../api/context.tsx';
import { SettingsLayouts } from './SettingsLayouts.tsx';
import { SettingsReportNames } from './SettingsReportNames.tsx';
import { dateTime } from '../ui/theme.ts';
import { SinglePick } from './SinglePick.tsx';

type Note = { ok: boolean; text: string } | null;

function stamp(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}

const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

export function Settings() {
  const { door, changed } = useApi();
  const settings = useOp('settings', {});
  const imports = useOp('imports', {});
  const [ruleNote, setRuleNote] = useState<Note>(null);
  const [dataNote, setDataNote] = useState<Note>(null);
  const [undoNote, setUndoNote] = useState<Note>(null);
  const [restoring, setRestoring] = useState<{ path: string; inspection: BackupInspection } | null>(null);
  const s = settings.data;

  const result = (r: { ok: true; value: object } | { ok: false; error: { message: string } }, ok: string): Note => {
    if (!r.ok) return { ok: false, text: r.error.message };
    const message = (r.value as { message?: unknown }).message;
    return { ok: true, text: typeof message === 'string' ? message : ok };
  };

  const setBuiltin = async (name: string) => {
    const r = await door.call('setRuleSet', { builtin: name });
    setRuleNote(result(r, `已改用规则“${name}”，下次导入时各村按新规则重新核算`));
    if (r.ok) changed();
  };
  const loadRuleFile = async (files: File[]) => {
    const [staged] = await door.stage(files, 'rules');
    if ('refused' in staged) return setRuleNote({ ok: false, text: staged.refused });
    const r = await door.call('setRuleSet', { file: staged.path });
    setRuleNote(result(r, `已载入规则文件“${staged.name}”`));
    if (r.ok) changed();
  };
  const backup = async () => {
    if (!s) return;
    const sep = s.data.folder.includes('\\') ? '\\' : '/';
    const r = await door.call('backupDatabase', { path: `${s.data.folder}${sep}备份-${stamp()}.sqlite` });
    setDataNote(result(r, '已备份'));
  };
  const chooseBackup = async (files: File[]) => {
    const [staged] = await door.stage(files, 'backup');
    if ('refused' in staged) return setDataNote({ ok: false, text: staged.refused });
    const r = await door.call('inspectBackup', { path: staged.path });
    if (!r.ok) return setDataNote({ ok: false, text: r.error.message });
    setRestoring({ path: staged.path, inspection: r.value });
  };
  const restore = async () => {
    if (!restoring) return;
    const r = await door.call('restoreDatabase', { path: restoring.path });
    setRestoring(null);
    setDataNote(result(r, '已恢复'));
    if (r.ok) changed();
  };
  const undo = async () => {
    const r = await door.call('undoLastImport', {});
    setUndoNote(result(r, '已撤销'));
    if (r.ok) changed();
  };

  if (settings.error) return <Alert type="error" showIcon title={settings.error.message} />;
  return (
    <Space orientation="vertical" size={14} style={{ width: '100%' }}>
      <Card size="small" title="核算规则">
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Space wrap>
            <span>当前规则：</span>
            <Select
              aria-label="核算规则"
              style={{ width: 200 }}
              value={s?.ruleSet.origin === 'builtin' ? s.ruleSet.name : undefined}
              placeholder={s?.ruleSet.origin === 'file' ? `${s.ruleSet.name}（${s.ruleSet.fileName}）` : undefined}
              options={(s?.builtinRuleSets ?? []).map((b) => ({ value: b.name, label: b.name }))}
              onChange={(v: string) => void setBuiltin(v)}
              disabled={s?.ruleSetOverridden}
            />
            <SinglePick label="载入本县规则文件（.json）" accept=".json" onFile={(f) => void loadRuleFile(f)} />
          </Space>
          {s && <Typography.Text type="secondary">{s.ruleSet.description}</Typography.Text>}
          {s?.ruleSet.parts.map((p, i) => (
            <div key={p.id}>
              第{i + 1}项：{p.label}
            </div>
          ))}
          {s && s.villagesUnderOtherRules > 0 && <Alert type="info" showIcon title={`${s.villagesUnderOtherRules} 个村的结论是按其他规则核算的，下次导入时会按当前规则重新核算`} />}
          {ruleNote && <Alert type={ruleNote.ok ? 'success' : 'error'} showIcon title={ruleNote.text} />}
        </Space>
      </Card>
      <Card size="small" title="身份证号">
        <Space>
          <Switch
            aria-label="默认遮盖身份证号"
            checked={s?.maskIds ?? true}
            onChange={async (v) => {
              await door.call('setIdMasking', { maskIds: v });
              settings.reload();
            }}
          />
          <span>显示和导出时默认遮盖身份证号（只显示前6位和后4位）</span>
        </Space>
      </Card>
      <SettingsReportNames settings={s ?? null} onSaved={() => settings.reload()} />
      <Card size="small" title="数据位置与备份">
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Descriptions size="small" column={1}>
            <Descriptions.Item label="数据文件">{s?.data.path ?? '…'}</Descriptions.Item>
            <Descriptions.Item label="大小">{s ? mib(s.data.bytes) : '…'}</Descriptions.Item>
          </Descriptions>
          <Space wrap>
            <Button onClick={() => void backup()}>备份数据库</Button>
            <SinglePick label="从备份恢复…" accept=".sqlite,.db,.bak" onFile={(f) => void chooseBackup(f)} />
          </Space>
          {dataNote && <Alert type={dataNote.ok ? 'success' : 'error'} showIcon title={dataNote.text} />}
        </Space>
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
        {undoNote && <Alert style={{ marginBottom: 8 }} type={undoNote.ok ? 'success' : 'error'} showIcon title={undoNote.text} />}
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
      <SettingsLayouts />
      <Modal open={!!restoring} title="从备份恢复数据库？" okText="恢复" cancelText="不恢复" okButtonProps={{ danger: true }} onOk={() => void restore()} onCancel={() => setRestoring(null)}>
        {restoring && (
          <Space orientation="vertical">
            <span>{restoring.inspection.message}</span>
            <span>
              备份中有 {restoring.inspection.imports} 次导入、{restoring.inspection.villages} 个村，最近导入：{dateTime(restoring.inspection.lastImportAt)}。
            </span>
            <Typography.Text type="warning">恢复后当前数据库会另存为备份，不会丢失。</Typography.Text>
          </Space>
        )}
      </Modal>
    </Space>
  );
}
