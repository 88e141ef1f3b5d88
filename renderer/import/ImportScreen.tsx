// 导入: 选择文件 → 核对读取 → 完成. Nothing is stored before 确认导入; the commit shows its progress and
// can be cancelled; then what changed, and 撤销本次导入 (asked once).

import { useEffect, useRef } from 'react';
import { Alert, Button, Card, List, Popconfirm, Progress, Space, Steps, Tag, Typography } from 'antd';
import type { ImportProgress } from '../../shared/api.ts';
import { navigate } from '../app/route.ts';
import { FilePicker } from './FilePicker.tsx';
import { Review, Villages } from './Review.tsx';
import { useImportFlow, type ImportFlow } from './useImportFlow.ts';
import { useLeaveGuard } from './useLeaveGuard.tsx';

const PHASE: Record<ImportProgress['phase'], string> = { hashing: '核对文件', reading: '读取', storing: '保存', judging: '核算', done: '完成' };

/** Reading the files is the first 40%, judging the villages the next 5%, saving the rows the rest. */
function progressPercent(p: ImportProgress): number {
  if (p.phase === 'done') return 100;
  if (p.phase === 'storing') return 45 + 55 * (p.rowsTotal ? p.rows / p.rowsTotal : 0);
  if (p.phase === 'judging') return 42;
  return 40 * (p.filesTotal ? p.filesDone / p.filesTotal : 0);
}

function ProgressLine({ p }: { p: ImportProgress | null }) {
  if (!p) return <Progress percent={0} status="active" aria-label="进度" />;
  const percent = Math.round(progressPercent(p));
  return (
    <div data-testid="progress">
      <Progress percent={percent} status="active" aria-label="进度" />
      <Typography.Text type="secondary" className="num">
        {PHASE[p.phase]}　文件 {p.filesDone}/{p.filesTotal}　工作表 {p.sheets}　行 {p.rows}
        {p.rowsTotal ? `/${p.rowsTotal}` : ''}
        {p.file ? `　${p.file}` : ''}
      </Typography.Text>
    </div>
  );
}

function Done({ flow }: { flow: ImportFlow }) {
  const r = flow.committed!;
  const count = (c: string) => r.villages.filter((v) => v.change === c).length;
  if (flow.undone) {
    return (
      <Space orientation="vertical">
        <Alert type="info" showIcon title={flow.undone.message} data-testid="undo-message" />
        <Button type="primary" onClick={flow.reset}>
          继续导入
        </Button>
      </Space>
    );
  }
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Alert type="success" showIcon title={r.message} data-testid="commit-message" />
      <Space wrap>
        <Tag color="blue">新报送 {count('new')}</Tag>
        <Tag color="green">变为达标 {count('nowCompliant')}</Tag>
        <Tag color="red">不再达标 {count('noLongerCompliant')}</Tag>
        {r.importId !== null && (
          <Popconfirm title="撤销本次导入？" description="撤销后，各村恢复为导入前的状态。" okText="撤销" cancelText="不撤销" onConfirm={() => void flow.undo()}>
            <Button danger>撤销本次导入</Button>
          </Popconfirm>
        )}
        <Button onClick={() => navigate('/')}>查看总览</Button>
        <Button type="primary" onClick={flow.reset}>
          继续导入
        </Button>
      </Space>
      <Villages villages={r.villages} />
    </Space>
  );
}

export function ImportScreen({ samples }: { samples: boolean }) {
  const flow = useImportFlow();
  const started = useRef(false);
  useEffect(() => {
    if (samples && !started.current) {
      started.current = true;
      navigate('/import', {}, true);
      void flow.trySamples();
    }
  }, [samples, flow]);
  const leaveGuard = useLeaveGuard(flow.step === 'review', flow.reset);
  const current = flow.step === 'choose' || flow.step === 'reading' ? 0 : flow.step === 'done' ? 2 : 1;
  const importable = flow.report ? flow.report.files.filter((f) => f.outcome === 'imported').length : 0;
  return (
    <Space orientation="vertical" size={14} style={{ width: '100%' }}>
      <Steps current={current} items={[{ title: '选择文件' }, { title: '核对读取' }, { title: '完成' }]} />
      {flow.error && <Alert type="error" showIcon title={flow.error} data-testid="import-error" closable />}
      {flow.step === 'choose' && (
        <>
          <FilePicker onFiles={(f) => void flow.choose(f)} />
          <Button type="link" onClick={() => void flow.trySamples()}>
            没有手头的表格？用示例数据试一试
          </Button>
        </>
      )}
      {(flow.step === 'reading' || flow.step === 'committing') && (
        <Card size="small" title={flow.step === 'reading' ? '正在读取…' : '正在导入…'}>
          <Space orientation="vertical" style={{ width: '100%' }}>
            <ProgressLine p={flow.progress} />
            {flow.step === 'committing' && (
              <Button onClick={flow.cancel} data-testid="cancel-import">
                取消
              </Button>
            )}
            <List size="small" dataSource={flow.files} renderItem={(f) => <List.Item>{f.name}　<Tag>{f.state}</Tag> {f.message}</List.Item>} />
          </Space>
        </Card>
      )}
      {flow.step === 'review' && flow.report && (
        <>
          <Card size="small">
            <Space wrap>
              <Typography.Text>{flow.report.message}</Typography.Text>
              <Button type="primary" disabled={importable === 0} onClick={() => void flow.commit()} data-testid="commit-import">
                确认导入
              </Button>
              <Popconfirm title="放弃这次预览？" okText="放弃" cancelText="继续核对" onConfirm={flow.reset}>
                <Button>重新选择文件</Button>
              </Popconfirm>
            </Space>
          </Card>
          <Review report={flow.report} files={flow.files} overrides={flow.overrides} confirmed={flow.confirmed} onCorrect={(p, id, l) => void flow.correct(p, id, l)} onConfirm={(p, t) => void flow.confirm(p, t)} />
        </>
      )}
      {flow.step === 'done' && flow.committed && <Done flow={flow} />}
      {leaveGuard}
    </Space>
  );
}
