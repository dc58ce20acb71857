import { useLiveQuery } from 'dexie-react-hooks';
import { defaultOrganisation, organisationSettingsSchema, settingsRecordSchema, upgradeOrganisationSettings, type OrganisationSettings } from '../../../../shared/domain/settings/schema';
import { guangxiPreset, policyProfileSchema, type PolicyProfile } from '../../../../shared/policy/profile';
import { certificateSettingsSchema, defaultCertificateSettings, type CertificateSettings } from '../../../../shared/domain/advisors/certificateSettings';
import { consultationSettingsSchema, defaultConsultationSettings, type ConsultationSettings } from '../../../../shared/domain/consultations/protocolWording';
import { agreementWordingSchema, defaultAgreementWording, type AgreementWording } from '../../../../shared/domain/commissioners/agreementWording';
import type { SciLedgerDb } from '../../db/database';
import { deepEqual } from '../../db/oplog';
import { useDb } from '../../db/DbContext';

/** What each settings key holds; the stored record is validated against the shared schema. */
interface SettingsValues {
  organisation: OrganisationSettings;
  policyProfile: PolicyProfile;
  advisorCertificate: CertificateSettings;
  consultations: ConsultationSettings;
  commissionerAgreement: AgreementWording;
}

const defaults: SettingsValues = { organisation: defaultOrganisation, policyProfile: guangxiPreset, advisorCertificate: defaultCertificateSettings, consultations: defaultConsultationSettings, commissionerAgreement: defaultAgreementWording };
const valueSchemas = { organisation: organisationSettingsSchema, policyProfile: policyProfileSchema, advisorCertificate: certificateSettingsSchema, consultations: consultationSettingsSchema, commissionerAgreement: agreementWordingSchema };

/** Reads a setting; a missing or unreadable record falls back to the default (never throws). */
export async function readSetting<K extends keyof SettingsValues>(db: SciLedgerDb, key: K): Promise<SettingsValues[K]> {
  const record = await db.table('settings').get(key);
  if (!record || record.deletedAt) return defaults[key];
  const parsed = valueSchemas[key].safeParse(record.value);
  if (!parsed.success) return defaults[key];
  // An office name an earlier version stored as its default reads as today's default.
  if (key === 'organisation') return upgradeOrganisationSettings(parsed.data as OrganisationSettings) as SettingsValues[K];
  return parsed.data as SettingsValues[K];
}

/** Validates then writes through Dexie, so the change is tracked and synced like any ledger edit. */
export async function saveSetting<K extends keyof SettingsValues>(db: SciLedgerDb, key: K, value: SettingsValues[K]): Promise<void> {
  await db.transaction('rw', db.table('settings'), async () => {
    const existing = await db.table('settings').get(key);
    // An unchanged save writes nothing (no empty 操作记录 entry).
    if (existing && !existing.deletedAt && deepEqual(existing.value, valueSchemas[key].parse(value))) return;
    const now = new Date().toISOString();
    const record = settingsRecordSchema.parse({ id: key, value, createdAt: existing?.createdAt ?? now, updatedAt: now, deletedAt: null });
    await db.table('settings').put(record);
  });
}

export function useSetting<K extends keyof SettingsValues>(key: K): SettingsValues[K] | undefined {
  const db = useDb();
  return useLiveQuery(() => readSetting(db, key), [db, key]);
}
