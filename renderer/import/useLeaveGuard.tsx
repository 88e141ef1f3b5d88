// Leaving the import screen with a preview not yet imported asks first: the address is put back before the router
// hears of it,
// and the person chooses to discard the preview (then goes where they meant to) or to keep reviewing.

import { useEffect, useRef, useState } from 'react';
import { Modal } from 'antd';

export function useLeaveGuard(pending: boolean, discard: () => void) {
  const [target, setTarget] = useState<string | null>(null);
  const leaving = useRef(false);
  useEffect(() => {
    if (!pending) return;
    let here = location.hash;
    // popstate comes before hashchange: the address is back before the router reads it.
    const on = () => {
      if (leaving.current || location.hash.startsWith('#/import')) {
        here = location.hash;
        return;
      }
      const wanted = location.hash;
      history.replaceState(null, '', here);
      setTarget(wanted);
    };
    window.addEventListener('popstate', on);
    return () => window.removeEventListener('popstate', on);
  }, [pending]);
  const modal = (
    <Modal
      open={target !== null}
      title="放弃这次预览？"
      okText="放弃并离开"
      cancelText="继续核对"
      okButtonProps={{ danger: true }}
      onCancel={() => setTarget(null)}
      onOk={() => {
        const to = target;
        setTarget(null);
        leaving.current = true;
        discard();
        if (to) location.hash = to;
      }}
    >
      读取的表格还没有导入，所做的更正也未保存。离开后需要重新选择文件。
    </Modal>
  );
  return modal;
}
