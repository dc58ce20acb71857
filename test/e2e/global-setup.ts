import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startStaticServer, type StaticServer } from '../../scripts/lib/static-server';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

let server: StaticServer | undefined;

/** Serves the web build (out/web, made by `npm test` / `npm run test:e2e`) on 127.0.0.1. */
export async function setup(project: TestProject) {
  const webRoot = resolve(import.meta.dirname, '../../out/web');
  if (!existsSync(resolve(webRoot, 'index.html'))) {
    throw new Error('out/web 不存在：请先运行 `npm run build:web`（npm test 会自动构建）');
  }
  server = await startStaticServer(webRoot);
  project.provide('baseUrl', server.url);
}

export async function teardown() {
  await server?.close();
}
