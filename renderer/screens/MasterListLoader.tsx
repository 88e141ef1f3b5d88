// Loads or replaces the master list (应报村名单): one file, its format explained.

import { useState } from 'react';
import { Alert, Space, Typography } from 'antd';
import { useApi } from '../api/context.tsx';
import { FilePicker } from '../import/FilePicker.tsx';

export function MasterListLoader({ replacing }: { replacing: boolean }) {
  const { door, changed } = useApi();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const load = async (files: File[]) => {
    setBusy(true);
    setResult(null);
    const [staged] = await door.stage(files.slice(0, 1));
    if ('refused' in staged) {
      setResult({ ok: false, text: staged.refused });
      setBusy(false);
      return;
    }
    const r = await door.call('setExpectedVillages', { path: staged.path });
    setResult(r.ok ? { ok: true, text: r.value.message } : { ok: false, text: r.error.message });
    setBusy(false);
    if (r.ok) changed();
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Text type="secondary">
        名单格式：一张表，每行一个村，列出“乡镇（街道）”和“村（社区）”两列（列名写法不限，标题行、合计行可以保留）。{replacing ? '载入新名单会替换当前名单。' : ''}
      </Typography.Text>
      <FilePicker multiple={false} compact disabled={busy} onFiles={(f) => void load(f)} />
      {result && <Alert type={result.ok ? 'success' : 'error'} showIcon title={result.text} />}
    </Space>
  );
}
