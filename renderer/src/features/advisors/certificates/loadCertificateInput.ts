import type { AppointmentCertificate } from '../../../../../shared/domain/advisors/schema';
import type { AppointmentCertificateInput } from '../../../../../shared/documents/advisors/certificate-input';
import type { SciLedgerDb } from '../../../db/database';
import { readSetting } from '../../settings/settingsStore';
import { appointmentCertificateInput } from './certificateInputs';

/**
 * The 聘书 document input for register rows, read fresh on click (settings may have changed
 * since the page was opened). One page per row, in the rows' order.
 */
export async function loadCertificateInput(db: SciLedgerDb, rows: AppointmentCertificate[], mode: AppointmentCertificate['mode']): Promise<AppointmentCertificateInput> {
  const [settings, organisation, advisors] = await Promise.all([
    readSetting(db, 'advisorCertificate'),
    readSetting(db, 'organisation'),
    db.advisors.bulkGet(rows.map((r) => r.advisorId)),
  ]);
  const items = rows.map((row, i) => {
    const advisor = advisors[i];
    if (!advisor) throw new Error(`聘书 ${row.number} 的科技顾问记录不存在`);
    return { advisor, row };
  });
  return appointmentCertificateInput(items, mode, settings, organisation);
}
