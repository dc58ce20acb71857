import type { IpcResponse } from '../../../shared/ipc';

export interface VersionSource {
  getVersion(): string;
}

export function getAppInfo(app: VersionSource): IpcResponse<'app:info'> {
  return { kind: 'desktop', version: app.getVersion() };
}
