import { writeBundle, type SyncOp } from '../../../shared/sync';
import { encodeHlc } from '../../../shared/sync/hlc';

/**
 * A full bundle of `n` fictional advisors from another machine, to fill a roster the way an
 * office does (数据交换 → 导入): the records arrive by import, so their sort/search keys must be
 * derived on this machine. Deterministic names from common surnames, with polyphonic ones.
 */
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严欧莫孔向常汤康易乔赖文单解仇';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红玉兰海波宁鹏飞婷雪梅晨阳琳斌浩宇佳欣怡子涵文博远';
const STATUSES = ['推荐', '评议', '已审定', '已聘任', '期满', '解聘'] as const;
const NODE = 'e2e-roster-node';

export interface RosterAdvisor {
  id: string;
  name: string;
  status: (typeof STATUSES)[number];
  homeInstitution: string;
}

export function rosterAdvisors(n: number): RosterAdvisor[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`,
    // 曾小贤 is the one advisor a test finds by initials.
    name: i === 1234 ? '曾小贤' : SURNAMES[i % SURNAMES.length] + GIVEN[(i * 7) % GIVEN.length] + (i % 3 ? GIVEN[(i * 13) % GIVEN.length] : ''),
    status: STATUSES[i % STATUSES.length],
    homeInstitution: `示范大学${i % 97}`,
  }));
}

export function rosterBundle(advisors: readonly RosterAdvisor[]): Uint8Array {
  const start = Date.UTC(2026, 0, 5, 8, 0, 0);
  const ops: SyncOp[] = advisors.map((a, i) => {
    const at = new Date(start + i * 1000).toISOString();
    return {
      opId: encodeHlc({ wallMs: start + i * 1000, counter: 0 }, NODE),
      nodeId: NODE,
      table: 'advisors',
      id: a.id,
      fields: { name: a.name, honorific: i % 2 ? '中国科学院院士' : '中国工程院院士', homeInstitution: a.homeInstitution, status: a.status, createdAt: at, updatedAt: at },
      deleted: false,
      operator: '李科员',
      at,
      prev: {},
    };
  });
  return writeBundle({
    ops,
    nodeId: NODE,
    nodeName: '南宁办公室',
    schemaVersion: 4,
    bundleId: crypto.randomUUID(),
    createdAt: new Date(start + advisors.length * 1000).toISOString(),
    vector: {},
    kind: 'full',
  });
}
