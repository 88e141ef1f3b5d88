// The print route, #/print/report?asOf=…&fullIds=1: the report page alone, without the frame, for the
// desktop shell's printToPdf (which waits for documentElement.dataset.printReady = 'ready' or
// 'error:<中文>') and, in a browser, for the print dialog (`print=1` opens it once the page is ready).

import { useEffect } from 'react';
import { Alert, Skeleton } from 'antd';
import { useOp } from '../api/context.tsx';
import { ReportPage } from '../print/ReportPage.tsx';
import '../print/print.css';

function asOfParam(raw: string | null): number | string | undefined {
  if (!raw) return undefined;
  return /^\d+$/.test(raw) ? Number(raw) : raw;
}

export function ExportPrint({ params }: { params: URLSearchParams }) {
  const asOf = asOfParam(params.get('asOf'));
  const fullIds = params.get('fullIds') === '1';
  const autoPrint = params.get('print') === '1';
  const report = useOp('report', { ...(asOf === undefined ? {} : { asOf }), ...(fullIds ? { fullIds } : {}) });

  useEffect(() => {
    const root = document.documentElement;
    if (report.error) {
      root.dataset.printReady = `error:${report.error.message}`;
      return;
    }
    if (!report.data) {
      root.dataset.printReady = 'loading';
      return;
    }
    let live = true;
    // Ready once the page's fonts are in: a PDF printed earlier would lay the text out in a fallback font.
    void document.fonts.ready.then(() => {
      if (!live) return;
      root.dataset.printReady = 'ready';
      if (autoPrint) window.print();
    });
    return () => {
      live = false;
    };
  }, [report.data, report.error, autoPrint]);

  // White paper: the app's grey page background would otherwise be printed around the report.
  useEffect(() => {
    const body = document.body.style;
    const before = body.background;
    body.background = '#fff';
    return () => {
      body.background = before;
      delete document.documentElement.dataset.printReady;
    };
  }, []);

  if (report.error) return <Alert type="error" showIcon title={report.error.message} style={{ margin: 24 }} />;
  if (!report.data) return <Skeleton active style={{ padding: 24 }} />;
  return <ReportPage model={report.data} />;
}
