import { useCallback } from 'react';
import { App, Button } from 'antd';
import { describeError } from '../forms/submitRecord';

export interface RemoveRequest {
  /** e.g. 删除工作记录？ */
  title: string;
  /** What exactly goes, in the clerk's words. */
  content: string;
  remove: () => Promise<void>;
  restore: () => Promise<void>;
  /** e.g. 已删除工作记录“出席座谈会” */
  doneMessage: string;
  onRemoved?: () => void;
}

/**
 * Delete = tombstone (DESIGN §Data), asked first and undoable for a while afterwards: the
 * notification's 撤销 clears the tombstone again.
 */
export function useConfirmRemove() {
  const { modal, notification, message } = App.useApp();
  return useCallback(
    (request: RemoveRequest) =>
      modal.confirm({
      title: request.title,
      content: request.content,
      okText: '删除',
      okType: 'danger',
      cancelText: '取消',
      onOk: async () => {
        try {
          await request.remove();
        } catch (error) {
          message.error(describeError(error));
          return;
        }
        request.onRemoved?.();
        const key = `removed-${Date.now()}`;
        notification.success({
          key,
          title: request.doneMessage,
          description: '如为误删，可立即撤销。',
          duration: 10,
          actions: (
            <Button
              size="small"
              onClick={async () => {
                notification.destroy(key);
                try {
                  await request.restore();
                  message.success('已撤销删除');
                } catch (error) {
                  message.error(describeError(error));
                }
              }}
            >
              撤销
            </Button>
          ),
        });
      },
    }),
    [modal, notification, message],
  );
}
