import { z } from 'zod';
import { isoDateTime } from '../common';
import { policyProfileSchema } from '../../policy/profile';
import { certificateSettingsSchema } from '../advisors/certificateSettings';
import { consultationSettingsSchema } from '../consultations/protocolWording';
import { agreementWordingSchema } from '../commissioners/agreementWording';

/** Names printed on documents (聘书 issuer, 协议书 parties, report headers). */
export const organisationSettingsSchema = z.object({
  government: z.string().trim().min(1, '请填写人民政府名称').max(60),
  department: z.string().trim().min(1, '请填写科技厅（局）名称').max(60),
  committeeOffice: z.string().trim().min(1, '请填写科技委员会办公室名称').max(60),
  /** Printed under documents as the issuing office, e.g. 成果转化与区域创新处 */
  division: z.string().trim().max(60).default(''),
});
export type OrganisationSettings = z.infer<typeof organisationSettingsSchema>;

/** seed 000 names the office 自治区党委科技委员会办公室 throughout (§二 to §九). */
export const defaultOrganisation: OrganisationSettings = {
  government: '广西壮族自治区人民政府',
  department: '广西壮族自治区科学技术厅',
  committeeOffice: '自治区党委科技委员会办公室',
  division: '',
};

/**
 * Defaults that earlier versions wrote into the stored record. A record still holding one was
 * saved without the clerk changing that field, so it takes today's default; a name the clerk
 * typed is anything else and is kept.
 */
const supersededDefaults: Partial<Record<keyof OrganisationSettings, readonly string[]>> = {
  committeeOffice: ['自治区科技委员会办公室'],
};

/** The stored organisation settings with superseded defaults replaced (read-time migration). */
export function upgradeOrganisationSettings(value: OrganisationSettings): OrganisationSettings {
  const upgraded = { ...value };
  for (const [key, old] of Object.entries(supersededDefaults) as [keyof OrganisationSettings, readonly string[]][]) {
    if (old.includes(upgraded[key].trim())) upgraded[key] = defaultOrganisation[key];
  }
  return upgraded;
}

/**
 * The synced `settings` table holds one record per key. The operator's name is not here: it
 * belongs to one machine and lives in the local meta table.
 */
export const settingsKeys = ['organisation', 'policyProfile', 'advisorCertificate', 'consultations', 'commissionerAgreement'] as const;
export type SettingsKey = (typeof settingsKeys)[number];

export const settingsRecordSchema = z.discriminatedUnion('id', [
  z.object({ id: z.literal('organisation'), value: organisationSettingsSchema, createdAt: isoDateTime, updatedAt: isoDateTime, deletedAt: isoDateTime.nullable().optional() }),
  z.object({ id: z.literal('policyProfile'), value: policyProfileSchema, createdAt: isoDateTime, updatedAt: isoDateTime, deletedAt: isoDateTime.nullable().optional() }),
  z.object({ id: z.literal('advisorCertificate'), value: certificateSettingsSchema, createdAt: isoDateTime, updatedAt: isoDateTime, deletedAt: isoDateTime.nullable().optional() }),
  // 厅市会商: the 设区市 list and the 议定书 wording (issue 13).
  z.object({ id: z.literal('consultations'), value: consultationSettingsSchema, createdAt: isoDateTime, updatedAt: isoDateTime, deletedAt: isoDateTime.nullable().optional() }),
  // 科技特派员: the 合作协议书 clauses, a provincial and a city variant (issue 12).
  z.object({ id: z.literal('commissionerAgreement'), value: agreementWordingSchema, createdAt: isoDateTime, updatedAt: isoDateTime, deletedAt: isoDateTime.nullable().optional() }),
]);
export type SettingsRecord = z.infer<typeof settingsRecordSchema>;

export const operatorNameSchema = z.string().trim().min(1, '请填写操作员姓名').max(30, '操作员姓名不能超过 30 个字');
