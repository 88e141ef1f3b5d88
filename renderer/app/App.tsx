// The frame: left navigation (collapsible), a header with the rule set in force and the last import,
// and the screen of the current address.

import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { Layout, Menu, Skeleton } from 'antd';
import { AlertOutlined, AppstoreOutlined, ExportOutlined, ImportOutlined, SettingOutlined, TableOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { useApi, useOp } from '../api/context.tsx';
import { dateTime } from '../ui/theme.ts';
import { navigate, useRoute } from './route.ts';
import { Overview } from '../screens/Overview.tsx';

// The overview comes with the first page; every other screen is loaded when first opened.
const Villages = lazy(() => import('../screens/Villages.tsx').then((m) => ({ default: m.Villages })));
const VillageDetailScreen = lazy(() => import('../screens/VillageDetail.tsx').then((m) => ({ default: m.VillageDetailScreen })));
const NotReported = lazy(() => import('../screens/NotReported.tsx').then((m) => ({ default: m.NotReported })));
const Findings = lazy(() => import('../screens/Findings.tsx').then((m) => ({ default: m.Findings })));
const ImportScreen = lazy(() => import('../import/ImportScreen.tsx').then((m) => ({ default: m.ImportScreen })));
const Export = lazy(() => import('../screens/Export.tsx').then((m) => ({ default: m.Export })));
const ExportPrint = lazy(() => import('../screens/ExportPrint.tsx').then((m) => ({ default: m.ExportPrint })));
const Settings = lazy(() => import('../screens/Settings.tsx').then((m) => ({ default: m.Settings })));

const NAV: Array<{ key: string; label: string; icon: ReactNode }> = [
  { key: '/', label: '总览', icon: <AppstoreOutlined /> },
  { key: '/import', label: '导入', icon: <ImportOutlined /> },
  { key: '/villages', label: '村庄', icon: <TableOutlined /> },
  { key: '/not-reported', label: '未报送', icon: <UnorderedListOutlined /> },
  { key: '/findings', label: '数据问题', icon: <AlertOutlined /> },
  { key: '/export', label: '导出', icon: <ExportOutlined /> },
  { key: '/settings', label: '设置', icon: <SettingOutlined /> },
];

function screenFor(path: string, params: URLSearchParams): ReactNode {
  const village = /^\/village\/(\d+)$/.exec(path);
  if (village) return <VillageDetailScreen id={Number(village[1])} />;
  switch (path) {
    case '/import':
      return <ImportScreen samples={params.get('samples') === '1'} />;
    case '/villages':
      return <Villages params={params} />;
    case '/not-reported':
      return <NotReported />;
    case '/findings':
      return <Findings params={params} />;
    case '/export':
      return <Export />;
    case '/settings':
      return <Settings />;
    default:
      return <Overview />;
  }
}

export function App() {
  const route = useRoute();
  const [collapsed, setCollapsed] = useState(false);
  const summary = useOp('countySummary', {});
  const { door } = useApi();
  // The desktop window's menu: 文件 › 导入… opens 导入, 导出… opens 导出.
  useEffect(() => door.onMenu?.((command) => navigate(command === 'export' ? '/export' : '/import')), [door]);
  // The print route is the report page alone, without the frame (printToPdf, the browser's print dialog).
  if (route.path === '/print' || route.path === '/print/report') {
    return (
      <Suspense fallback={<Skeleton active />}>
        <ExportPrint params={route.params} />
      </Suspense>
    );
  }
  const selected = route.path.startsWith('/village/') ? '/villages' : (NAV.find((n) => n.key === route.path)?.key ?? '/');
  const last = summary.data?.lastImport;
  return (
    <Layout style={{ height: '100%' }}>
      <Layout.Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} width={168} collapsedWidth={56} breakpoint="lg">
        <div className="qw-brand">{collapsed ? '两进' : '两进一有 换届监测'}</div>
        <Menu theme="dark" mode="inline" selectedKeys={[selected]} items={NAV} onClick={(e) => navigate(e.key)} aria-label="主导航" />
      </Layout.Sider>
      <Layout>
        <header className="qw-header">
          <h1>{NAV.find((n) => n.key === selected)?.label}</h1>
          <span className="qw-meta">
            规则：{summary.data?.ruleSet ?? '两进一有'}
            {'　'}最近导入：{last ? dateTime(last.importedAt) : '尚未导入'}
          </span>
        </header>
        <main className="qw-content">
          <Suspense fallback={<Skeleton active />}>{screenFor(route.path, route.params)}</Suspense>
        </main>
      </Layout>
    </Layout>
  );
}
