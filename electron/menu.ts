// The application menu, in Chinese, as a template (tested without Electron; main.ts builds it). Items
// that belong to a screen (导入…, 导出…) are sent to the window as commands; items the shell does on its
// own (备份数据库…, 打开数据文件夹, 关于) call the actions given.

import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from './bridge.ts';

export interface MenuActions {
  /** Tells the window to run a command of its own (it opens the screen and the dialog). */
  send(command: MenuCommand): void;
  backup(): void;
  openDataFolder(): void;
  about(): void;
}

export interface MenuOptions {
  platform: NodeJS.Platform;
  /** Development only: reload and the developer tools. */
  dev: boolean;
}

export function menuTemplate(actions: MenuActions, options: MenuOptions): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin';
  const file: MenuItemConstructorOptions = {
    label: '文件',
    submenu: [
      { label: '导入…', accelerator: 'CmdOrCtrl+O', click: () => actions.send('import') },
      { label: '导出…', accelerator: 'CmdOrCtrl+E', click: () => actions.send('export') },
      { type: 'separator' },
      { label: '备份数据库…', click: () => actions.backup() },
      { label: '打开数据文件夹', click: () => actions.openDataFolder() },
      { type: 'separator' },
      mac ? { label: '关闭窗口', role: 'close' } : { label: '退出', role: 'quit', accelerator: 'Alt+F4' },
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: '编辑',
    submenu: [
      { label: '撤销', role: 'undo' },
      { label: '重做', role: 'redo' },
      { type: 'separator' },
      { label: '剪切', role: 'cut' },
      { label: '复制', role: 'copy' },
      { label: '粘贴', role: 'paste' },
      { label: '全选', role: 'selectAll' },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: '视图',
    submenu: [
      ...(options.dev
        ? ([
            { label: '重新加载', role: 'reload' },
            { label: '开发者工具', role: 'toggleDevTools' },
            { type: 'separator' },
          ] satisfies MenuItemConstructorOptions[])
        : []),
      { label: '实际大小', role: 'resetZoom' },
      { label: '放大', role: 'zoomIn' },
      { label: '缩小', role: 'zoomOut' },
      { type: 'separator' },
      { label: '全屏', role: 'togglefullscreen' },
    ],
  };
  const help: MenuItemConstructorOptions = { label: '帮助', role: 'help', submenu: [{ label: '关于 Quota Watch', click: () => actions.about() }] };
  const appMenu: MenuItemConstructorOptions[] = mac
    ? [
        {
          label: 'Quota Watch',
          submenu: [
            { label: '关于 Quota Watch', click: () => actions.about() },
            { type: 'separator' },
            { label: '隐藏 Quota Watch', role: 'hide' },
            { label: '隐藏其他', role: 'hideOthers' },
            { type: 'separator' },
            { label: '退出 Quota Watch', role: 'quit' },
          ],
        },
      ]
    : [];
  return [...appMenu, file, edit, view, help];
}

/** The 关于 box's text. */
export function aboutText(version: string, dataPath: string): { title: string; message: string; detail: string } {
  return {
    title: '关于 Quota Watch',
    message: `Quota Watch 换届监测 ${version}`,
    detail: `县妇联村级组织换届“两进一有”监测工具。\n数据只保存在本机，不联网。\n数据文件：${dataPath}`,
  };
}
