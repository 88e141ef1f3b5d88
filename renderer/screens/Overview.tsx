// 总览: where does the county stand? Figures (each leading to its villages), one bar per township worst
// first, each part's pass rate per township, what the last import changed, and the data problems.

import { lazy, Suspense, useMemo } from 'react';
import { Alert, Button, Card, Col, Row, Skeleton, Space, Typography } from 'antd';
import type { CountySummary, TownshipFigures } from '../../shared/api.ts';
import { useOp } from '../api/context.tsx';
import { navigate } from '../app/route.ts';
import type { ChartOption } from '../ui/Chart.tsx';
import { COLORS, percent } from '../ui/theme.ts';
import { FirstStart } from './FirstStart.tsx';

// ECharts is loaded after the figures are on screen: the first overview does not wait for it.
const LazyChart = lazy(() => import('../ui/Chart.tsx').then((m) => ({ default: m.Chart })));
function Chart(props: Parameters<typeof LazyChart>[0]) {
  return (
    <Suspense fallback={<div style={{ height: props.height }} aria-busy="true" />}>
      <LazyChart {...props} />
    </Suspense>
  );
}

function Figure({ label, value, sub, to, testId }: { label: string; value: string | number; sub?: string; to?: () => void; testId: string }) {
  const body = (
    <>
      <div className="label">{label}</div>
      <div className="value" data-testid={testId}>
        {value}
      </div>
      {sub && <div className="sub">{sub}</div>}
    </>
  );
  return to ? (
    <button type="button" className="qw-figure" onClick={to} aria-label={`${label} ${value}，查看这些村`}>
      {body}
    </button>
  ) : (
    <div className="qw-figure">{body}</div>
  );
}

/** Worst first: most noncompliant, then most incomplete, then most not reported. */
function worstFirst(ts: TownshipFigures[]): TownshipFigures[] {
  return [...ts].sort((a, b) => b.noncompliant - a.noncompliant || b.incomplete - a.incomplete || (b.notReported ?? 0) - (a.notReported ?? 0) || a.township.localeCompare(b.township, 'zh'));
}

function statusChart(ts: TownshipFigures[], withList: boolean): ChartOption {
  const rows = worstFirst(ts).reverse(); // ECharts draws the first category at the bottom
  const series = [
    { id: 'noncompliant', name: '不达标', color: COLORS.noncompliant, data: rows.map((t) => t.noncompliant) },
    { id: 'incomplete', name: '数据不全', color: COLORS.incomplete, data: rows.map((t) => t.incomplete) },
    { id: 'compliant', name: '达标', color: COLORS.compliant, data: rows.map((t) => t.compliant) },
    ...(withList ? [{ id: 'notReported', name: '未报送', color: COLORS.notReported, data: rows.map((t) => t.notReported ?? 0) }] : []),
  ];
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: rows.map((t) => t.township) },
    series: series.map((s) => ({ ...s, type: 'bar', stack: 'all', itemStyle: { color: s.color }, barMaxWidth: 22, label: { show: true, formatter: (p: { value: number }) => (p.value ? String(p.value) : '') } })),
  };
}

/** Short names for the chart's legend (the figures above carry the full wording). */
const SHORT_PART: Record<string, string> = { womanInCommittees: '女性进两委', chairInCommittees: '妇联主席进两委', womenRepresentativesThird: '女代表占三分之一' };

function partsChart(summary: CountySummary): ChartOption {
  const rows = worstFirst(summary.townships).reverse();
  const shades = ['#1668dc', '#13a8a8', '#7c4dff'];
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${v.toFixed(1)}%` },
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', data: rows.map((t) => t.township) },
    series: summary.parts.map((p, i) => ({
      name: SHORT_PART[p.id] ?? p.label,
      type: 'bar',
      itemStyle: { color: shades[i % shades.length] },
      barMaxWidth: 10,
      data: rows.map((t) => {
        const rate = t.parts[p.id]?.passRate;
        return rate === null || rate === undefined ? null : Math.round(rate * 1000) / 10;
      }),
    })),
  };
}

export function Overview() {
  const summary = useOp('countySummary', {});
  const changes = useOp('changes', { countsOnly: true });
  const findings = useOp('findings', { scope: 'current', limit: 1 });
  const s = summary.data;
  const withList = !!s?.masterList;
  const charts = useMemo(() => (s ? { status: statusChart(s.townships, withList), parts: partsChart(s) } : null), [s, withList]);
  if (summary.error) return <Alert type="error" showIcon title={summary.error.message} />;
  if (!s || !charts) return <Skeleton active />;
  if (s.county.reported === 0 && !s.lastImport) return <FirstStart masterList={s.masterList} />;
  const c = s.county;
  // With a master list, 已报送 counts the villages on it (应报 = 已报送 + 未报送), and those reported but
  // not on it (名单外) are named beside; the verdicts cover every village reported (shared/report/figures.ts).
  const reported = c.compliant + c.noncompliant + c.incomplete;
  const share = (n: number) => (reported ? `占报送村 ${percent(n / reported)}` : undefined);
  const toVillages = (params: Record<string, string>) => () => navigate('/villages', params);
  const ch = changes.data;
  const chartHeight = Math.max(220, s.townships.length * 34 + 60);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <div className="qw-figures" aria-label="全县数字">
        <Figure testId="fig-expected" label="应报村数" value={c.expected ?? '未设名单'} sub={c.expected === null ? '在“未报送”中载入名单' : undefined} to={c.expected === null ? () => navigate('/not-reported') : undefined} />
        <Figure testId="fig-reported" label="已报送" value={c.reported} sub={c.offList ? `名单外另有 ${c.offList} 个村` : undefined} to={toVillages({})} />
        <Figure testId="fig-notReported" label="未报送" value={c.notReported ?? '—'} to={() => navigate('/not-reported')} />
        <Figure testId="fig-compliant" label="达标" value={c.compliant} sub={share(c.compliant)} to={toVillages({ status: 'compliant' })} />
        <Figure testId="fig-noncompliant" label="不达标" value={c.noncompliant} sub={share(c.noncompliant)} to={toVillages({ status: 'noncompliant' })} />
        <Figure testId="fig-incomplete" label="数据不全" value={c.incomplete} sub={share(c.incomplete)} to={toVillages({ status: 'incomplete' })} />
        {s.provisional > 0 && <Figure testId="fig-provisional" label="待核对" value={s.provisional} sub="结论依据按推测读取的表格" to={toVillages({ status: 'provisional' })} />}
        {s.parts.map((p) => {
          const t = c.parts[p.id];
          return <Figure key={p.id} testId={`fig-part-${p.id}`} label={p.label} value={percent(t?.passRate ?? null)} sub={t ? `${t.pass} 村达标，${t.fail} 村不达标` : undefined} to={toVillages({ part: p.id })} />;
        })}
      </div>
      <Row gutter={16}>
        <Col span={16}>
          <Card size="small" title="各乡镇（街道）情况（问题多的在上）">
            <Chart
              label="各乡镇达标、不达标、数据不全的村数"
              option={charts.status}
              height={chartHeight}
              onClick={(p) => navigate('/villages', { township: p.name, status: p.seriesId && p.seriesId !== 'notReported' ? p.seriesId : undefined })}
            />
          </Card>
        </Col>
        <Col span={8}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card size="small" title="最近一次导入带来的变化">
              {ch?.import ? (
                <Space wrap>
                  <Button onClick={toVillages({ change: 'new' })}>新报送 {ch.counts.new}</Button>
                  <Button onClick={toVillages({ change: 'nowCompliant' })}>变为达标 {ch.counts.nowCompliant}</Button>
                  <Button danger={ch.counts.noLongerCompliant > 0} onClick={toVillages({ change: 'noLongerCompliant' })}>
                    不再达标 {ch.counts.noLongerCompliant}
                  </Button>
                </Space>
              ) : (
                <Typography.Text type="secondary">还没有导入记录</Typography.Text>
              )}
            </Card>
            <Card size="small" title="数据问题">
              <Typography.Link onClick={() => navigate('/findings')}>
                {findings.data ? `当前数据共有 ${findings.data.total} 条数据问题` : '…'}
              </Typography.Link>
            </Card>
          </Space>
        </Col>
      </Row>
      <Card size="small" title="各乡镇三项达标率">
        <Chart label="各乡镇三项要求的达标率" option={charts.parts} height={chartHeight} onClick={(p) => navigate('/villages', { township: p.name })} />
      </Card>
    </Space>
  );
}
