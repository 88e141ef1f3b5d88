// The chart of each township's pass rate, drawn without a browser: ECharts renders SVG in Node (ssr), and
// a plain PNG of the same bars stands in for Word processors that cannot show SVG.

import zlib from 'node:zlib';
import * as echarts from 'echarts';
import { complianceRate } from '../../../shared/report/labels.ts';
import type { ReportModel } from '../../../shared/report/model.ts';

export const CHART_WIDTH = 600;
export const CHART_HEIGHT = 320;

function bars(m: ReportModel): Array<{ name: string; rate: number | null }> {
  return m.townships.map((t) => ({ name: t.township, rate: complianceRate(t) }));
}

/** The SVG text of the chart: one bar a township, its rate on top, the county's rate as a line. */
export function passRateSvg(m: ReportModel): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: CHART_WIDTH, height: CHART_HEIGHT });
  const data = bars(m);
  const county = complianceRate(m.total);
  chart.setOption({
    animation: false,
    textStyle: { fontFamily: 'SimSun, "Noto Serif CJK SC", "Songti SC", serif' },
    grid: { left: 48, right: 90, top: 36, bottom: data.length > 6 ? 72 : 44 },
    xAxis: { type: 'category', data: data.map((d) => d.name), axisLabel: { interval: 0, rotate: data.length > 6 ? 30 : 0, fontSize: 12 } },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      {
        type: 'bar',
        barMaxWidth: 40,
        data: data.map((d) => (d.rate === null ? null : Math.round(d.rate * 1000) / 10)),
        itemStyle: { color: '#3a6ea5' },
        label: { show: true, position: 'top', formatter: '{c}%', fontSize: 12 },
        markLine:
          county === null
            ? undefined
            : { silent: true, symbol: 'none', data: [{ yAxis: Math.round(county * 1000) / 10, name: '全县' }], label: { formatter: '全县 {c}%' }, lineStyle: { color: '#555', type: 'dashed' } },
      },
    ],
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body) >>> 0);
  return Buffer.concat([len, body, crc]);
}

/** A PNG (8-bit RGB) from a pixel function. */
export function encodePng(width: number, height: number, pixel: (x: number, y: number) => [number, number, number]): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const o = y * (width * 3 + 1);
    raw[o] = 0;
    for (let x = 0; x < width; x++) {
      const [r, g, b] = pixel(x, y);
      raw[o + 1 + x * 3] = r;
      raw[o + 2 + x * 3] = g;
      raw[o + 3 + x * 3] = b;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/** The same bars as a PNG, without text (the table beside it gives the figures): the SVG's fallback. */
export function passRatePng(m: ReportModel): Buffer {
  const data = bars(m);
  const [left, right, top, bottom] = [48, 90, 36, 44];
  const plotW = CHART_WIDTH - left - right;
  const plotH = CHART_HEIGHT - top - bottom;
  const slot = plotW / Math.max(1, data.length);
  const barW = Math.min(40, slot * 0.6);
  const county = complianceRate(m.total);
  const countyY = county === null ? -1 : Math.round(top + plotH * (1 - county));
  return encodePng(CHART_WIDTH, CHART_HEIGHT, (x, y) => {
    if (y === top + plotH && x >= left && x <= left + plotW) return [80, 80, 80];
    if (x === left && y >= top && y <= top + plotH) return [80, 80, 80];
    if (x > left && x < left + plotW && y >= top && y < top + plotH) {
      const i = Math.floor((x - left) / slot);
      const d = data[i];
      const cx = left + slot * (i + 0.5);
      if (d && d.rate !== null && Math.abs(x - cx) <= barW / 2 && y >= top + plotH * (1 - d.rate)) return [58, 110, 165];
      if (y === countyY && x % 8 < 5) return [85, 85, 85];
      if ((y - top) % Math.round(plotH / 5) === 0) return [230, 230, 230];
    }
    return [255, 255, 255];
  });
}
