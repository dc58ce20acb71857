/**
 * The bad-bundle corpus (test/fixtures/bundles) for the importer tests: its cases, its files and
 * the machine that reads them.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { metaKeys } from '../../../../../renderer/src/db/oplog';
import type { SciLedgerDb } from '../../../../../renderer/src/db/database';
import { CORPUS_LOCAL_NODE, type CorpusCase } from '../../../../fixtures/bundles/make-corpus';
import { advisor, freshDb, reopen } from '../helpers';

// jsdom's import.meta.url is not a file URL: resolve from the repo root (vitest's cwd).
const dir = resolve(process.cwd(), 'test/fixtures/bundles');

/** Every case of the corpus (cases.json). */
export const corpusCases = (): CorpusCase[] => JSON.parse(readFileSync(resolve(dir, 'cases.json'), 'utf8')) as CorpusCase[];

/** The bytes of a corpus file. */
export const readCorpusFile = (file: string): Uint8Array => new Uint8Array(readFileSync(resolve(dir, file)));

/** A machine whose nodeId is the corpus's reader, with some data of its own. */
export async function corpusNode(): Promise<SciLedgerDb> {
  const first = await freshDb();
  await first.meta.put({ key: metaKeys.nodeId, value: CORPUS_LOCAL_NODE });
  const db = await reopen(first);
  await db.advisors.bulkAdd([advisor(), advisor({ name: '林若溪' })]);
  return db;
}
