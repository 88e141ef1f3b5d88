// The file dialogs the shell shows, as plain option objects (tested without Electron). The window asks
// for a dialog by purpose; it never names a folder to open or a file to write outside what the user picks.

import path from 'node:path';
import type { OpenDialogOptions, SaveDialogOptions } from 'electron';
import { SAVE_KINDS, withExtension, type SaveKind } from './shell-contract.ts';

/** Every extension the reader accepts (README: the content decides, these are the dialog's filter). */
export const SPREADSHEET_EXTENSIONS = ['xlsx', 'xlsm', 'xlsb', 'xls', 'et', 'ods', 'csv'];
export const DATABASE_EXTENSIONS = ['sqlite', 'db', 'sqlite3'];

const ALL_FILES = { name: '所有文件', extensions: ['*'] };

export function importFilesDialog(): OpenDialogOptions {
  return {
    title: '选择乡镇报送的表格',
    buttonLabel: '导入',
    properties: ['openFile', 'multiSelections'],
    filters: [{ name: '表格文件（Excel、WPS、CSV）', extensions: SPREADSHEET_EXTENSIONS }, ALL_FILES],
  };
}

export function importFolderDialog(): OpenDialogOptions {
  return { title: '选择存放乡镇表格的文件夹', buttonLabel: '导入此文件夹', properties: ['openDirectory'] };
}

export function ruleFileDialog(): OpenDialogOptions {
  return { title: '选择本县的规则文件', buttonLabel: '使用此规则', properties: ['openFile'], filters: [{ name: '规则文件（JSON）', extensions: ['json'] }] };
}

export function restoreDialog(): OpenDialogOptions {
  return {
    title: '选择要恢复的数据库备份',
    buttonLabel: '恢复',
    properties: ['openFile'],
    filters: [{ name: 'Quota Watch 数据库', extensions: DATABASE_EXTENSIONS }, ALL_FILES],
  };
}

function stamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}`;
}

export function backupDialog(documentsDir: string, now: Date): SaveDialogOptions {
  return {
    title: '备份数据库',
    buttonLabel: '备份',
    defaultPath: path.join(documentsDir, `quota-watch-备份-${stamp(now)}.sqlite`),
    filters: [{ name: 'Quota Watch 数据库', extensions: ['sqlite'] }],
    properties: ['showOverwriteConfirmation', 'createDirectory'],
  };
}

export function saveDialog(documentsDir: string, suggestedName: string, kind: SaveKind): SaveDialogOptions {
  return {
    title: '保存',
    buttonLabel: '保存',
    defaultPath: path.join(documentsDir, withExtension(suggestedName, kind)),
    filters: [{ name: SAVE_KINDS[kind], extensions: [kind] }],
    properties: ['showOverwriteConfirmation', 'createDirectory'],
  };
}

/** A path a save dialog returned, with the extension when the user typed a name without one. */
export function savedPath(chosen: string, extension: SaveKind | 'sqlite'): string {
  return path.extname(chosen) ? chosen : `${chosen}.${extension}`;
}
