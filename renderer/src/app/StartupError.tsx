import { Result, Typography } from 'antd';

/** Shown instead of the app when the database cannot be opened: say why, lose nothing. */
export function StartupError({ error }: { error: unknown }) {
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const isVersionError = error instanceof Error && error.name === 'VersionError';
  return (
    <Result
      status="error"
      title="无法打开台账数据库"
      subTitle={
        isVersionError
          ? '本机数据库由更新版本的 SciLedger 创建，请安装相同或更新的版本后再打开。数据未被改动。'
          : '数据库打开失败，数据未被改动。请关闭其他 SciLedger 窗口后重试；如仍失败，请联系管理员并提供下列信息。'
      }
    >
      <Typography.Paragraph copyable code>
        {detail}
      </Typography.Paragraph>
    </Result>
  );
}
