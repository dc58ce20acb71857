import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App as AntApp, ConfigProvider, Form, Input } from 'antd';
import type { ReactNode } from 'react';

const App = ({ children }: { children: ReactNode }) => (
  <ConfigProvider button={{ autoInsertSpace: false }}>
    <AntApp>{children}</AntApp>
  </ConfigProvider>
);
import { advisorSchema } from '../../../../../shared/domain/advisors/schema';
import { RecordFormModal } from '../../../../../renderer/src/components/forms/RecordFormModal';
import { InlineRecordForm } from '../../../../../renderer/src/components/forms/InlineRecordForm';
import { unsavedLabels } from '../../../../../renderer/src/components/forms/unsavedChanges';

beforeAll(() => {
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
});
afterEach(cleanup);

function Fields() {
  return (
    <>
      <Form.Item label="姓名" name="name">
        <Input />
      </Form.Item>
      <Form.Item label="院士称号" name="honorific">
        <Input />
      </Form.Item>
      <Form.Item label="所在单位" name="homeInstitution">
        <Input />
      </Form.Item>
    </>
  );
}

const errorsUnder = (label: string) => {
  const item = screen.getByLabelText(label).closest('.ant-form-item')!;
  return [...item.querySelectorAll('.ant-form-item-explain-error')].map((e) => e.textContent);
};

function renderDialog(save = vi.fn(async () => undefined), onClose = vi.fn()) {
  render(
    <App>
      <RecordFormModal open title="新增科技顾问" schema={advisorSchema} defaults={{ name: '', honorific: '', homeInstitution: '' }} context={{ status: '推荐' }} save={save} successMessage="已新增" onClose={onClose}>
        <Fields />
      </RecordFormModal>
    </App>,
  );
  return { save, onClose };
}

// antd dialogs in jsdom are slow on a busy machine; the assertions, not the clock, are the test.
describe('RecordFormModal', { timeout: 30_000 }, () => {
  it('clears "请填写…" as soon as the field has a value (issue 8 item 4)', async () => {
    const { save } = renderDialog();
    fireEvent.click(screen.getByRole('button', { name: '保存', hidden: true }));
    await waitFor(() => expect(errorsUnder('院士称号')).toEqual(['请填写院士称号']));
    expect(errorsUnder('所在单位')).toEqual(['请填写所在单位']);
    fireEvent.change(screen.getByLabelText('院士称号'), { target: { value: '中国工程院院士' } });
    await waitFor(() => expect(errorsUnder('院士称号')).toEqual([]));
    // Untouched fields keep their message; nothing was saved.
    expect(errorsUnder('所在单位')).toEqual(['请填写所在单位']);
    expect(errorsUnder('姓名')).toEqual(['请填写姓名']);
    expect(save).not.toHaveBeenCalled();
  });

  it('asks before Esc drops what was typed, and closes at once when nothing was (issue 8 item 8)', async () => {
    const { onClose } = renderDialog();
    fireEvent.change(screen.getByLabelText('姓名'), { target: { value: '王' } });
    expect(unsavedLabels()).toEqual(['新增科技顾问']);
    fireEvent.keyDown(screen.getByLabelText('姓名'), { key: 'Escape', code: 'Escape', keyCode: 27 });
    await screen.findAllByText('放弃未保存的修改？');
    expect(onClose).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: '放弃修改', hidden: true }));
    await waitFor(() => expect(onClose).toHaveBeenCalledTimes(1));
    cleanup();
    expect(unsavedLabels()).toEqual([]);

    const second = renderDialog();
    fireEvent.keyDown(screen.getByLabelText('姓名'), { key: 'Escape', code: 'Escape', keyCode: 27 });
    await waitFor(() => expect(second.onClose).toHaveBeenCalledTimes(1));
    expect(screen.queryByText('放弃未保存的修改？')).toBeNull();
  });

  it('saves once however often the form is submitted while saving (issue 8 item 3)', async () => {
    let finish: () => void = () => {};
    const save = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    render(
      <App>
        <InlineRecordForm label="基本信息" schema={advisorSchema} record={{ id: '5809077d-56d4-440b-ac89-65f9ec8e0d7b', name: '陈思远', honorific: '中国工程院院士', homeInstitution: '大学', status: '推荐' }} save={save} successMessage="基本信息已保存">
          <Fields />
        </InlineRecordForm>
      </App>,
    );
    const form = screen.getByRole('form', { name: '基本信息' });
    fireEvent.change(screen.getByLabelText('所在单位'), { target: { value: '华南大学' } });
    expect(screen.getByText('有未保存的修改')).toBeTruthy();
    fireEvent.submit(form);
    fireEvent.submit(form);
    await waitFor(() => expect(save).toHaveBeenCalledTimes(1));
    await act(async () => finish());
    await waitFor(() => expect(screen.getAllByText('基本信息已保存')).toHaveLength(1));
    expect(save).toHaveBeenCalledTimes(1);
    expect(unsavedLabels()).toEqual([]);
  });
});
