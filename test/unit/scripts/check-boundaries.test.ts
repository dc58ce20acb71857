import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findBoundaryViolations } from '../../../scripts/check-boundaries';

let dir = '';
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function tree(files: Record<string, string>): Promise<string> {
  dir = await mkdtemp(join(tmpdir(), 'boundaries-'));
  await mkdir(join(dir, 'shared'), { recursive: true });
  await mkdir(join(dir, 'renderer/src'), { recursive: true });
  for (const [path, text] of Object.entries(files)) await writeFile(join(dir, path), text);
  return dir;
}

describe('boundary check', () => {
  it('passes the real project tree', async () => {
    expect(await findBoundaryViolations()).toEqual([]);
  });

  it('names a shared/ file that imports electron, Node or dexie', async () => {
    const base = await tree({
      'shared/a.ts': "import { app } from 'electron';\n",
      'shared/b.ts': "export const x = 1;\nimport { readFile } from 'node:fs/promises';\n",
      'shared/c.ts': "const d = await import('dexie');\n",
      'shared/ok.ts': "import { z } from 'zod';\n",
    });
    const problems = await findBoundaryViolations(base);
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).toMatch(/shared\/a\.ts:1: 引用了“electron”/);
    expect(problems.join('\n')).toMatch(/shared\/b\.ts:2: 引用了“node:fs\/promises”/);
  });

  it('lets renderer/ use React and Dexie but not fs or electron', async () => {
    const base = await tree({
      'renderer/src/ok.tsx': "import Dexie from 'dexie';\nimport { useState } from 'react';\n",
      'renderer/src/bad.ts': "const fs = require('fs');\n",
    });
    const problems = await findBoundaryViolations(base);
    expect(problems).toEqual([expect.stringMatching(/renderer\/src\/bad\.ts:1: 引用了“fs”/)]);
  });

  it('refuses a feature that imports the app shell, which itself may import features', async () => {
    const base = await tree({});
    await mkdir(join(base, 'renderer/src/app'), { recursive: true });
    await mkdir(join(base, 'renderer/src/features/x'), { recursive: true });
    await writeFile(join(base, 'renderer/src/app/modules.tsx'), "import { X } from '../features/x/X';\n");
    await writeFile(join(base, 'renderer/src/features/x/X.tsx'), "import { useDb } from '../../db/DbContext';\nimport { route } from '../../app/useHashRoute';\n");
    const problems = await findBoundaryViolations(base);
    expect(problems).toEqual([expect.stringMatching(/renderer\/src\/features\/x\/X\.tsx:2: 引用了“\.\.\/\.\.\/app\/useHashRoute”/)]);
  });
});
