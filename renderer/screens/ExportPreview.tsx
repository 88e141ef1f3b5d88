// The 导出 screen's preview: the summary figures of the report as it will be written, from the one
// report model (the `report` operation), so what the user sees here is what the file says.

import { Alert, Descriptions, Skeleton, Typography } from 'antd';
import type { ReportModel } from '../../shared/api/exports.ts';
import type { ApiError } from '../../shared/api.ts';
import { complianceRate } from '../../shared/report/labels.ts';
import { subtitleOf } from '../../shared/report/tables.ts';
import { percent } from '../../shared/report/text.ts';
import { COLORS } from '../ui/theme.ts';

const dash = (n: number | null) => (n === null ? '—' : String(n));

export function ExportPreview({ model, error }: { model: ReportModel | null; error: ApiError | null }) {
  if (error) return <Alert type="error" showIcon title={error.message} />;
  if (!model) return <Skeleton active />;
  const t = model.total;
  const items: Array<{ key: string; label: string; value: string; color?: string }> = [
    { key: 'expected', label: '应报村数', value: dash(t.expected) },
    { key: 'reported', label: '已报送', value: String(t.reported) },
    { key: 'notReported', label: '未报送', value: dash(t.notReported) },
    { key: 'compliant', label: '达标', value: String(t.compliant), color: COLORS.compliant },
    { key: 'noncompliant', label: '不达标', value: String(t.noncompliant), color: COLORS.noncompliant },
    { key: 'incomplete', label: '数据不全', value: String(t.incomplete), color: COLORS.incomplete },
    { key: 'rate', label: '达标率', value: percent(complianceRate(t)) },
  ];
  return (
    <div data-testid="export-preview">
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {model.title}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{subtitleOf(model)}</Typography.Paragraph>
      <Descriptions
        size="small"
        bordered
        column={{ xs: 2, md: 4 }}
        items={items.map((i) => ({
          key: i.key,
          label: i.label,
          children: (
            <b className="num" data-testid={`export-fig-${i.key}`} style={i.color ? { color: i.color } : undefined}>
              {i.value}
            </b>
          ),
        }))}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        乡镇（街道）{model.townships.length} 个；不达标村名单 {model.noncompliant.length} 个；女性两委成员 {model.total.women.women} 人。
      </Typography.Paragraph>
    </div>
  );
}
