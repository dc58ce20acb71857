/**
 * An error whose message is written for the clerk (Chinese) and can be shown as is. Any
 * other error reaching the IPC layer is wrapped in a generic Chinese message.
 */
export class ServiceError extends Error {
  override readonly name = 'ServiceError';
}

export function isServiceError(error: unknown): error is ServiceError {
  return error instanceof ServiceError;
}
