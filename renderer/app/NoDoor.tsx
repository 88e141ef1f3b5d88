// A page opened without the window's bridge and without a token: say how to open it properly.

import { Result } from 'antd';

export function NoDoor() {
  return (
    <Result
      status="warning"
      title="无法连接本机服务"
      subTitle="请使用 npm run dev:web 启动时显示的完整地址（带 #token=…）打开本页面，或直接打开桌面应用。"
    />
  );
}
