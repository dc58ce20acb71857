import { describe, expect, it } from 'vitest';
import { guangxiPreset } from '../../../../../shared/policy/profile';
import { fromPolicyFormValues, toPolicyFormValues } from '../../../../../renderer/src/features/settings/policyFields';
import { groupThousands, parseGroupedNumber } from '../../../../../renderer/src/components/forms/fields';

describe('policy form values (issue 8 item 2)', () => {
  it('never turns an emptied amount into 0', () => {
    expect(parseGroupedNumber('')).toBe('');
    expect(parseGroupedNumber(undefined)).toBe('');
    expect(parseGroupedNumber('300,000')).toBe(300000);
    expect(parseGroupedNumber('-5')).toBe(-5);
    expect(groupThousands(300000.5)).toBe('300,000.5');
  });

  it('edits shares as percentages and keeps an emptied share empty', () => {
    const values = toPolicyFormValues(guangxiPreset);
    expect(values.commissioners.excellentShareMax).toBe(20);
    expect((fromPolicyFormValues(values) as typeof guangxiPreset).commissioners.excellentShareMax).toBeCloseTo(0.2);
    const cleared = { ...values, commissioners: { ...values.commissioners, excellentShareMax: null as unknown as number } };
    expect((fromPolicyFormValues(cleared) as typeof guangxiPreset).commissioners.excellentShareMax).toBeNull();
  });
});
