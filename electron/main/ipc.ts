/**
 * Wires the IPC contract to its handlers. Every call passes the same gate: a trusted sender,
 * a payload that matches the request schema, a response that matches the response schema.
 * Whatever happens, the renderer receives an IpcResult envelope — a bad message must never
 * crash the main process or leak a stack trace as an unhandled rejection.
 */
import type { z } from 'zod';
import {
  ipcChannels,
  ipcContract,
  ipcFailure,
  type IpcChannel,
  type IpcHandlers,
  type IpcResult,
} from '../../shared/ipc';
import { isAppUrl } from './protocol';
import { isServiceError } from './services/errors';

/** The part of IpcMainInvokeEvent the sender check reads. */
export interface SenderEventLike {
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null;
  readonly sender?: { readonly mainFrame?: unknown };
}

/**
 * Only the top-level frame of our own page may call the main process: not an iframe, not a
 * page that somehow navigated elsewhere, not a frame that is already gone.
 */
export function isTrustedIpcSender(event: SenderEventLike): boolean {
  const frame = event.senderFrame;
  if (!frame) return false;
  if (frame.parent !== null) return false;
  if (event.sender?.mainFrame !== undefined && event.sender.mainFrame !== frame) return false;
  return isAppUrl(frame.url);
}

export interface IpcMainLike<Event> {
  handle(channel: string, listener: (event: Event, payload: unknown) => Promise<unknown>): void;
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return '';
  const where = issue.path.length > 0 ? `${issue.path.join('.')}：` : '';
  return `${where}${issue.message}`;
}

async function handleCall<C extends IpcChannel, Event, Context>(
  channel: C,
  handler: IpcHandlers<Context>[C],
  event: Event,
  payload: unknown,
  isTrustedSender: (event: Event) => boolean,
  contextOf: (event: Event) => Context,
): Promise<IpcResult<unknown>> {
  try {
    if (!isTrustedSender(event)) return ipcFailure('FORBIDDEN_SENDER', '请求来源不受信任，已拒绝');
    const { request, response } = ipcContract[channel];
    const parsed = request.safeParse(payload);
    if (!parsed.success) return ipcFailure('INVALID_REQUEST', `请求数据无效：${firstIssue(parsed.error)}`);
    const call = handler as (request: unknown, context: Context) => Promise<unknown>;
    const value = await call(parsed.data, contextOf(event));
    const checked = response.safeParse(value);
    if (!checked.success) {
      console.error(`[ipc] ${channel} returned a value outside the contract`, checked.error.issues);
      return ipcFailure('HANDLER_FAILED', '操作结果格式不正确，请联系维护人员');
    }
    return { ok: true, value: checked.data };
  } catch (error) {
    if (isServiceError(error)) return ipcFailure('HANDLER_FAILED', error.message);
    console.error(`[ipc] ${channel} failed`, error);
    const detail = error instanceof Error && error.message ? `：${error.message}` : '';
    return ipcFailure('HANDLER_FAILED', `操作未能完成${detail}`);
  }
}

/**
 * Registers one ipcMain.handle listener per contract channel. `contextOf` turns the Electron
 * event into what handlers may see (e.g. the sender's webContents for printing to PDF).
 */
export function registerIpcHandlers<Event, Context = undefined>(
  ipcMain: IpcMainLike<Event>,
  handlers: IpcHandlers<Context>,
  isTrustedSender: (event: Event) => boolean,
  contextOf: (event: Event) => Context = () => undefined as Context,
): void {
  for (const channel of ipcChannels) {
    const handler = handlers[channel];
    ipcMain.handle(channel, (event, payload) =>
      handleCall(channel, handler, event, payload, isTrustedSender, contextOf),
    );
  }
}
