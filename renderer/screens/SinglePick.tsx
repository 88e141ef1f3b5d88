// A button that picks one file (a rule file, a backup): a labelled file input behind a button.

import { useRef } from 'react';
import { Button } from 'antd';

export function SinglePick({ label, accept, onFile }: { label: string; accept: string; onFile: (files: File[]) => void }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <Button onClick={() => input.current?.click()}>{label}</Button>
      <input
        ref={input}
        type="file"
        accept={accept}
        hidden
        aria-label={label}
        onChange={(e) => {
          const files = Array.from(e.target.files ?? []);
          e.target.value = '';
          if (files.length) onFile(files.slice(0, 1));
        }}
      />
    </>
  );
}
