import { describe, expect, it } from 'vitest';
import { cityPreset, guangxiPreset } from '../../../../../shared/policy/profile';
import {
  addMonths,
  blocking,
  checkDomainBlock,
  checkFundingCap,
  checkInterval,
  checkYearQuota,
  opinionsDueDate,
  roundTimingWarnings,
  roundViolations,
} from '../../../../../shared/domain/consultations/rules';
import { round, topic } from './fixtures';

const rules = guangxiPreset.consultations;

describe('seed 002 第十条: 1 重点 and at most 2 一般 cities a year', () => {
  it('allows the first 重点 city and refuses a second one, naming the first', () => {
    const nanning = round({ city: '南宁', kind: '重点会商' });
    const liuzhou = round({ city: '柳州', kind: '重点会商' });
    expect(checkYearQuota(nanning, [nanning], rules)).toBeUndefined();
    const v = checkYearQuota(liuzhou, [nanning, liuzhou], rules);
    expect(v?.reason).toContain('2026年重点会商市最多 1 个，已有：南宁');
    expect(v?.overridden).toBe(false);
  });

  it('allows exactly two 一般 cities and refuses a third', () => {
    const a = round({ city: '梧州' });
    const b = round({ city: '北海' });
    const c = round({ city: '钦州' });
    expect(checkYearQuota(b, [a, b], rules)).toBeUndefined();
    expect(checkYearQuota(c, [a, b, c], rules)?.reason).toContain('已有：梧州、北海');
  });

  it('counts only the same year, the same kind and live rounds', () => {
    const lastYear = round({ city: '梧州', year: 2025 });
    const deleted = round({ city: '北海', deletedAt: '2026-02-01T00:00:00.000Z' });
    const key = round({ city: '南宁', kind: '重点会商' });
    const c = round({ city: '钦州' });
    const d = round({ city: '玉林' });
    expect(checkYearQuota(d, [lastYear, deleted, key, c, d], rules)).toBeUndefined();
  });

  it('takes the limits from the profile', () => {
    const a = round({ city: '梧州' });
    const b = round({ city: '北海' });
    expect(checkYearQuota(b, [a, b], { ...rules, generalCitiesPerYearMax: 1 })).toBeDefined();
  });

  it('an extra round flagged 重大/特殊/紧急 with a reason is shown but does not block', () => {
    const nanning = round({ city: '南宁', kind: '重点会商' });
    const extra = round({ city: '柳州', kind: '重点会商', exceptionKind: '紧急', exceptionReason: '重大灾害防治科技需求' });
    const v = checkYearQuota(extra, [nanning, extra], rules)!;
    expect(v.overridden).toBe(true);
    expect(v.reason).toContain('已按紧急需求增加会商：重大灾害防治科技需求');
    expect(blocking([v])).toEqual([]);
  });
});

describe('seed 002 第十条: a city every three years', () => {
  const previous = round({ city: '桂林', year: 2023 });

  it('allows a round exactly three years after the last one', () => {
    expect(checkInterval(round({ city: '桂林', year: 2026 }), [previous], rules)).toBeUndefined();
  });

  it('refuses a round two years after, with the gap and the rule', () => {
    const v = checkInterval(round({ city: '桂林', year: 2025 }), [previous], rules)!;
    expect(v.reason).toBe('桂林与2023年的上一轮会商只相隔 2 年，原则上每隔 3 年才开展新一次会商（第十条）');
    expect(v.overridable).toBe(true);
    expect(v.overridden).toBe(false);
  });

  it('refuses a second round in the same year', () => {
    expect(checkInterval(round({ city: '桂林', year: 2023 }), [previous], rules)?.reason).toContain('2023年已有一轮会商');
  });

  it('checks history entered out of order (a later round exists)', () => {
    expect(checkInterval(round({ city: '桂林', year: 2022 }), [previous], rules)).toBeDefined();
    expect(checkInterval(round({ city: '桂林', year: 2020 }), [previous], rules)).toBeUndefined();
  });

  it('ignores other cities, the round itself and deleted rounds', () => {
    const r = round({ city: '桂林', year: 2024 });
    expect(checkInterval(r, [r, round({ city: '柳州', year: 2024 }), { ...previous, deletedAt: '2026-01-01T00:00:00.000Z' }], rules)).toBeUndefined();
  });

  it('the urgent exception needs both the flag and a reason', () => {
    const flagged = round({ city: '桂林', year: 2025, exceptionKind: '紧急', exceptionReason: '防汛抗旱科技攻关' });
    expect(checkInterval(flagged, [previous], rules)?.overridden).toBe(true);
    const noReason = round({ city: '桂林', year: 2025, exceptionKind: '紧急', exceptionReason: '  ' });
    expect(checkInterval(noReason, [previous], rules)?.overridden).toBe(false);
  });

  it('takes the interval from the profile', () => {
    expect(checkInterval(round({ city: '桂林', year: 2025 }), [previous], { ...rules, intervalYears: 2 })).toBeUndefined();
  });
});

describe('seed 002 第十八条: project funds capped by kind', () => {
  it('a 重点 city may reach 2000万 exactly, not one 分 more', () => {
    expect(checkFundingCap('重点会商', [topic({ funding: 12_000_000 }), topic({ funding: 8_000_000 })], rules)).toBeUndefined();
    const v = checkFundingCap('重点会商', [topic({ funding: 12_000_000 }), topic({ funding: 8_000_000.01 })], rules)!;
    expect(v.reason).toContain('超过重点会商市上限 2000万元（贰仟万元整）');
    expect(v.overridable).toBe(false);
  });

  it('a 一般 city is capped at 1000万', () => {
    expect(checkFundingCap('一般会商', [topic({ funding: 10_000_000 })], rules)).toBeUndefined();
    expect(checkFundingCap('一般会商', [topic({ funding: 10_000_000 }), topic({ funding: 0.01 })], rules)).toBeDefined();
  });

  it('adds in 分, so decimals reach the cap exactly', () => {
    expect(checkFundingCap('一般会商', [topic({ funding: 0.1 }), topic({ funding: 0.2 })], { ...rules, generalCityFundingCap: 0.3 })).toBeUndefined();
  });

  it('deleted topics do not count and the caps come from the profile', () => {
    expect(checkFundingCap('一般会商', [topic({ funding: 10_000_000 }), topic({ funding: 5, deletedAt: '2026-01-01T00:00:00.000Z' })], rules)).toBeUndefined();
    expect(checkFundingCap('一般会商', [topic({ funding: 6_000_000 })], { ...cityPreset.consultations, generalCityFundingCap: 5_000_000 })).toBeDefined();
  });
});

describe('seed 002 第二十一条: no new topic in a domain with an unfinished earlier topic', () => {
  const earlierRound = round({ city: '柳州', year: 2023 });
  const earlier = (status: '未启动' | '推进中' | '已完成') => ({ round: earlierRound, topic: topic({ roundId: earlierRound.id, domain: '科技成果转移转化', title: '汽车产业成果转化', status }) });
  const current = round({ city: '柳州', year: 2026 });

  it('blocks the domain while the earlier topic is unfinished, naming it', () => {
    const v = checkDomainBlock({ domain: ' 科技成果转移转化 ' }, current, [earlier('推进中')])!;
    expect(v.reason).toBe('柳州在“科技成果转移转化”领域还有未完成的会商议题：2023年“汽车产业成果转化”（推进中），该领域不再安排新议题（第二十一条）');
    expect(v.overridable).toBe(false);
  });

  it('a finished earlier topic frees the domain', () => {
    expect(checkDomainBlock({ domain: '科技成果转移转化' }, current, [earlier('已完成')])).toBeUndefined();
  });

  it('other domains, other cities and the same round are not blocked', () => {
    expect(checkDomainBlock({ domain: '创新人才培养引进' }, current, [earlier('未启动')])).toBeUndefined();
    expect(checkDomainBlock({ domain: '科技成果转移转化' }, { ...current, city: '桂林' }, [earlier('未启动')])).toBeUndefined();
    expect(checkDomainBlock({ domain: '科技成果转移转化' }, earlierRound, [earlier('未启动')])).toBeUndefined();
  });
});

describe('roundViolations: the live list', () => {
  it('lists every broken rule once per domain, overridden ones not blocking', () => {
    const previous = round({ city: '柳州', year: 2024 });
    const t = topic({ roundId: previous.id, domain: '区域创新高地', status: '推进中' });
    const r = round({ city: '柳州', year: 2026, exceptionKind: '特殊', exceptionReason: '承办全区科技活动周' });
    const mine = [topic({ roundId: r.id, domain: '区域创新高地', funding: 6_000_000 }), topic({ roundId: r.id, domain: '区域创新高地', funding: 5_000_000 })];
    const list = roundViolations(r, { rounds: [previous, r], topics: mine, earlierTopics: [{ round: previous, topic: t }] }, rules);
    expect(list.map((v) => v.rule)).toEqual(['interval', 'fundingCap', 'domainBlock']);
    expect(blocking(list).map((v) => v.rule)).toEqual(['fundingCap', 'domainBlock']);
  });
});

describe('timing (第十条 Q1, 第十三条 two months before the meeting)', () => {
  it('subtracts months and clamps the day', () => {
    expect(opinionsDueDate('2026-06-15', rules)).toBe('2026-04-15');
    expect(addMonths('2026-04-30', -2)).toBe('2026-02-28');
    expect(addMonths('2026-01-31', -2)).toBe('2025-11-30');
  });

  it('warns about a late proposal and late opinions, not about timely ones', () => {
    expect(roundTimingWarnings({ year: 2026, stageDates: { 会商建议: '2026-03-31', 具体意见报送: '2026-04-15', 会议召开: '2026-06-15' } }, rules)).toEqual([]);
    const late = roundTimingWarnings({ year: 2026, stageDates: { 会商建议: '2026-04-01', 具体意见报送: '2026-04-16', 会议召开: '2026-06-15' } }, rules);
    expect(late).toEqual(['会商建议于 2026-04-01 提交，晚于第一季度（第十条）', '具体意见于 2026-04-16 报送，应在会商会议前 2 个月即 2026-04-15 前报送（第十三条）']);
  });
});

describe('formatWan', () => {
  it('prints whole 万 as 万元 and anything else in yuan with 分', async () => {
    const { formatWan } = await import('../../../../../shared/domain/consultations/rules');
    expect(formatWan(20_000_000)).toBe('2000万元');
    expect(formatWan(12_345_678.9)).toBe('12,345,678.90元');
  });
});
