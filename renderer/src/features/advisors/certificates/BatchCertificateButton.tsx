import { useState } from 'react';
import { Button } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Advisor } from '../../../../../shared/domain/advisors/schema';
import { useDb } from '../../../db/DbContext';
import { IssueCertificatesModal } from './IssueCertificatesModal';

export interface BatchCertificateButtonProps {
  /** The selected advisors (e.g. the roster's selection), in the order to number them. */
  advisorIds: string[];
  /** Button text; default 颁发/补打聘书. */
  label?: string;
}

/**
 * 批量颁发聘书 for a ceremony: first issues for the 已审定, reprints for the 已聘任 as the clerk
 * chooses, all in one file with one certificate per page.
 */
export function BatchCertificateButton({ advisorIds, label = '颁发/补打聘书' }: BatchCertificateButtonProps) {
  const db = useDb();
  const [open, setOpen] = useState(false);
  const [advisors, setAdvisors] = useState<Advisor[]>([]);
  // Only to enable the button; the modal works on a snapshot taken when it opens.
  const count = useLiveQuery(async () => (await db.advisors.bulkGet(advisorIds)).filter((a) => a && !a.deletedAt).length, [db, advisorIds]) ?? 0;

  async function start() {
    const found = await db.advisors.bulkGet(advisorIds);
    setAdvisors(found.filter((a): a is Advisor => !!a && !a.deletedAt));
    setOpen(true);
  }

  return (
    <>
      <Button icon={<SafetyCertificateOutlined />} disabled={count === 0} onClick={() => void start()}>
        {label}
        {advisorIds.length > 1 ? `（${count} 人）` : ''}
      </Button>
      {open && <IssueCertificatesModal advisors={advisors} onClose={() => setOpen(false)} />}
    </>
  );
}
