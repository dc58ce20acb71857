import { useCallback } from 'react';
import { App, Typography } from 'antd';
import { describeDeleteShares } from './syncSummary';
import { defaultExchangeSettings, useExchangeSettings } from './exchangeSettings';
import type { BundlePreviewLike } from './runSync';

/**
 * DESIGN §Sync: "An import that would delete more than a set share of records asks first."
 * Resolves true to import anyway, false to leave the bundle for now. Cancel is the default
 * button: a mass delete should need a deliberate click.
 */
export function useConfirmLargeDelete() {
  const { modal } = App.useApp();
  const limit = (useExchangeSettings() ?? defaultExchangeSettings).deleteShareLimit;
  return useCallback(
    (preview: BundlePreviewLike) =>
      new Promise<boolean>((resolve) => {
        const shares = describeDeleteShares(preview.deleteShares, limit);
        modal.confirm({
          title: '该数据包将删除较多记录',
          content: (
            <>
              <Typography.Paragraph>
                来自电脑“{preview.manifest.nodeName || '未命名'}”的数据包将删除：{shares.join('、') || '较多记录'}。
              </Typography.Paragraph>
              <Typography.Paragraph type="secondary">如不确定，请先与对方核实；选择“暂不导入”不会改变本机数据，下次同步时会再次询问。</Typography.Paragraph>
            </>
          ),
          okText: '仍然导入',
          okType: 'danger',
          cancelText: '暂不导入',
          autoFocusButton: 'cancel',
          onOk: () => resolve(true),
          onCancel: () => resolve(false),
        });
      }),
    [modal, limit],
  );
}
