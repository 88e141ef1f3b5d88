// The renderer's entry: one door to the backend, the zh_CN locale, the app.

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { openDoor } from './api/client.ts';
import { ApiProvider } from './api/context.tsx';
import { App } from './app/App.tsx';
import { NoDoor } from './app/NoDoor.tsx';
import { THEME } from './ui/theme.ts';
import './styles.css';

const door = openDoor();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} theme={THEME} button={{ autoInsertSpace: false }}>
      <AntApp>
        {door ? (
          <ApiProvider door={door}>
            <App />
          </ApiProvider>
        ) : (
          <NoDoor />
        )}
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
