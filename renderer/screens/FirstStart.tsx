// An empty database: no zeros and no empty charts, but a clear way in.

import { Button, Card, Result, Space } from 'antd';
import { navigate } from '../app/route.ts';

export function FirstStart({ masterList }: { masterList: { file: string; villages: number } | null }) {
  return (
    <Card>
      <Result
        status="info"
        title="还没有导入任何乡镇的报送表格"
        subTitle={masterList ? `已载入应报村名单（${masterList.villages} 个村）。导入乡镇报送的表格后，这里会显示全县的达标情况。` : '导入乡镇报送的名单或统计表后，这里会显示全县各村“两进一有”的达标情况。'}
        extra={
          <Space>
            <Button type="primary" size="large" onClick={() => navigate('/import')} data-testid="first-import">
              导入乡镇报送的表格
            </Button>
            <Button size="large" onClick={() => navigate('/import', { samples: '1' })} data-testid="try-samples">
              用示例数据试一试
            </Button>
          </Space>
        }
      />
    </Card>
  );
}
