// The public API under test (renderer/src/db/sync/index.ts), plus internals some tests need.
export * from '../../../../../renderer/src/db/sync';
export { readBundleFor as readBundleForTest } from '../../../../../renderer/src/db/sync/node';
