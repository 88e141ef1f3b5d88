// A large drop zone with two buttons: files (several at once) or a whole folder. Drag and drop takes
// files and folders alike. Hidden and Office lock files (~$…) in a folder are passed over.

import { useRef, useState, type DragEvent } from 'react';
import { Button, Space, Typography } from 'antd';
import { FolderOpenOutlined, InboxOutlined, UploadOutlined } from '@ant-design/icons';

const ACCEPT = '.xlsx,.xlsm,.xlsb,.xls,.et,.ett,.ods,.csv';
const FORMATS = 'Excel（.xlsx .xls）、WPS（.et）、.ods、.csv';

const wanted = (f: File) => !/^(\.|~\$)/.test(f.name);

async function filesOfEntry(entry: FileSystemEntry): Promise<File[]> {
  if (entry.isFile) return new Promise((resolve) => (entry as FileSystemFileEntry).file((f) => resolve([f]), () => resolve([])));
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  const all: File[] = [];
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve) => reader.readEntries(resolve, () => resolve([])));
    if (batch.length === 0) break;
    for (const e of batch) all.push(...(await filesOfEntry(e)));
  }
  return all;
}

async function droppedFiles(e: DragEvent): Promise<File[]> {
  const entries = Array.from(e.dataTransfer.items).map((i) => i.webkitGetAsEntry?.()).filter((x): x is FileSystemEntry => !!x);
  if (entries.length === 0) return Array.from(e.dataTransfer.files);
  const out: File[] = [];
  for (const entry of entries) out.push(...(await filesOfEntry(entry)));
  return out;
}

export function FilePicker({ onFiles, multiple = true, compact = false, disabled = false }: { onFiles: (files: File[]) => void; multiple?: boolean; compact?: boolean; disabled?: boolean }) {
  const files = useRef<HTMLInputElement>(null);
  const folder = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const take = (list: File[]) => {
    const ok = list.filter(wanted);
    if (ok.length) onFiles(multiple ? ok : ok.slice(0, 1));
  };
  return (
    <div
      className={`qw-drop${over ? ' over' : ''}`}
      style={compact ? { padding: 14 } : undefined}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        if (!disabled) void droppedFiles(e).then(take);
      }}
    >
      {!compact && <InboxOutlined style={{ fontSize: 40, color: '#1668dc' }} />}
      <Typography.Paragraph style={{ margin: '8px 0' }}>
        {multiple ? '把乡镇报送的表格拖到这里，或点击选择；可以一次选多个文件或整个文件夹' : '把名单文件拖到这里，或点击选择'}
        <br />
        <Typography.Text type="secondary">支持 {FORMATS}</Typography.Text>
      </Typography.Paragraph>
      <Space>
        <Button type="primary" icon={<UploadOutlined />} disabled={disabled} onClick={() => files.current?.click()}>
          选择文件
        </Button>
        {multiple && (
          <Button icon={<FolderOpenOutlined />} disabled={disabled} onClick={() => folder.current?.click()}>
            选择文件夹
          </Button>
        )}
      </Space>
      <input
        ref={files}
        type="file"
        accept={ACCEPT}
        multiple={multiple}
        hidden
        aria-label="选择表格文件"
        data-testid="file-input"
        onChange={(e) => {
          take(Array.from(e.target.files ?? []));
          e.target.value = '';
        }}
      />
      <input
        ref={folder}
        type="file"
        hidden
        aria-label="选择文件夹"
        data-testid="folder-input"
        {...({ webkitdirectory: '', directory: '' } as object)}
        onChange={(e) => {
          take(Array.from(e.target.files ?? []));
          e.target.value = '';
        }}
      />
    </div>
  );
}
