import { describe, expect, it } from 'vitest';
import { backupReasonLabel, bundleFileName, describeSkew, formatDuration, formatShare, isNotableSkew, localDay } from '../../../../../renderer/src/features/exchange/wording';

const MIN = 60_000;
const HOUR = 60 * MIN;

describe('数据交换 wording', () => {
  it('rounds durations to what a clerk can act on', () => {
    expect(formatDuration(20_000)).toBe('20 秒');
    expect(formatDuration(25 * MIN)).toBe('25 分钟');
    expect(formatDuration(3 * HOUR + 10 * MIN)).toBe('3 小时');
    expect(formatDuration(-3 * HOUR)).toBe('3 小时');
    expect(formatDuration(47.8 * HOUR)).toBe('2 天');
    expect(formatDuration(52 * HOUR)).toBe('2 天 4 小时');
    expect(formatDuration(72 * HOUR)).toBe('3 天');
    expect(formatDuration(3 * 24 * HOUR + 23.7 * HOUR)).toBe('4 天');
  });

  it('names the machine whose clock is off, and the direction', () => {
    expect(describeSkew('财务科电脑', 3 * HOUR)).toBe('电脑“财务科电脑”的时钟比本机快 3 小时，请核对该电脑的日期和时间');
    expect(describeSkew('甲', -2 * 24 * HOUR)).toBe('电脑“甲”的时钟比本机慢 2 天，请核对该电脑的日期和时间');
    expect(describeSkew('', 10 * MIN)).toContain('电脑“未命名”');
  });

  it('warns only about a clock ahead by more than a few minutes (behind = an old bundle)', () => {
    expect(isNotableSkew(2 * MIN)).toBe(false);
    expect(isNotableSkew(2 * HOUR)).toBe(true);
    expect(isNotableSkew(-2 * HOUR)).toBe(false);
  });

  it('labels backup reasons in Chinese', () => {
    expect(['daily', 'before-import', 'before-restore', 'manual'].map(backupReasonLabel)).toEqual(['每日自动', '导入前', '恢复前', '手动']);
    expect(backupReasonLabel('other')).toBe('other');
  });

  it('formats shares, local days and bundle file names', () => {
    expect(formatShare(0.35)).toBe('35%');
    expect(formatShare(0.055)).toBe('5.5%');
    const now = new Date(2026, 10, 24, 9, 5);
    expect(localDay(now)).toBe('2026-11-24');
    expect(bundleFileName('办公室 A/1', 'incremental', now)).toBe('办公室_A_1-更新-20261124-0905.sclb');
    expect(bundleFileName('', 'full', now)).toBe('本机-全量-20261124-0905.sclb');
    expect(bundleFileName('甲', 'incremental', now, '乙 科')).toBe('甲-给「乙_科」-更新-20261124-0905.sclb');
  });
});
