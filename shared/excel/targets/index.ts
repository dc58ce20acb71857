import type { ImportTargetSpec } from '../importTarget';
import { advisorImport } from './advisors';
import { commissionerImport, hostEnterpriseImport } from './commissioners';
import { consultationTopicImport } from './consultationTopics';
import { rectificationItemImport } from './rectificationItems';
import { serviceLogImport } from './serviceLogs';

/** Every ledger a clerk may bring in from a spreadsheet (the renderer's registry adds reading and writing). */
export const importTargetSpecs = {
  advisors: advisorImport,
  commissioners: commissionerImport,
  hostEnterprises: hostEnterpriseImport,
  serviceLogs: serviceLogImport,
  rectificationItems: rectificationItemImport,
  consultationTopics: consultationTopicImport,
} as const satisfies Record<string, ImportTargetSpec>;

export type ImportTargetId = keyof typeof importTargetSpecs;
export { advisorImport, commissionerImport, consultationTopicImport, hostEnterpriseImport, rectificationItemImport, serviceLogImport };
