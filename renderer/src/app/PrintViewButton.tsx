import { App, Button, Tooltip } from 'antd';
import { FilePdfOutlined } from '@ant-design/icons';
import { usePlatform } from '../platform';

/** 打印本页: the current screen as a PDF (desktop: save dialog; web: the browser's print dialog). */
export function PrintViewButton({ title }: { title: string }) {
  const platform = usePlatform();
  const { message } = App.useApp();
  async function print() {
    try {
      const result = await platform.printViewToPdf(`${title}.pdf`);
      if (result.saved) message.success(`已保存为 PDF：${result.path}`);
    } catch (error) {
      message.error(`打印本页失败：${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return (
    <Tooltip title={platform.kind === 'desktop' ? '将当前页面保存为 PDF' : '用浏览器打印当前页面（可另存为 PDF）'}>
      <Button size="small" icon={<FilePdfOutlined />} onClick={() => void print()}>
        打印本页
      </Button>
    </Tooltip>
  );
}
