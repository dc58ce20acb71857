import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { Form } from 'antd';
import { afterEach, describe, expect, it } from 'vitest';
import { DbProvider } from '../../../../../../../renderer/src/db/DbContext';
import { NumberPatternField } from '../../../../../../../renderer/src/features/advisors/certificates/settings/NumberPatternField';
import { voidCertificate } from '../../../../../../../renderer/src/db/repositories/appointmentCertificates';
import type { SciLedgerDb } from '../../../../../../../renderer/src/db/database';
import { advisor, freshDb, iso } from '../../../../db/helpers';

function Field({ db }: { db: SciLedgerDb }) {
  const [form] = Form.useForm();
  return (
    <DbProvider db={db}>
      <Form form={form} initialValues={{ numberPattern: '桂科顾聘〔{年}〕{序号}号' }}>
        <NumberPatternField form={form} />
      </Form>
    </DbProvider>
  );
}

const example = () => screen.getByTestId('number-example').textContent ?? '';

afterEach(cleanup);

// antd's first render is slow on a loaded CI machine.
describe('编号格式 example', { timeout: 20_000 }, () => {
  it('shows the number the next 聘书 gets: a voided number still counts, a number corrected away does not, and it follows the typed pattern and new numbers', async () => {
    const year = new Date().getFullYear();
    const db = await freshDb();
    const corrected = advisor({ certificateNumber: `桂科顾聘〔${year}〕9号` });
    const held = advisor({ certificateNumber: `桂科顾聘〔${year}〕2号` });
    await db.advisors.bulkAdd([corrected, held] as never);
    const row = { id: crypto.randomUUID(), advisorId: held.id, number: `桂科顾聘〔${year}〕7号`, issuedOn: `${year}-01-05`, termStart: `${year}-01-01`, termEnd: `${year + 2}-12-31`, isReprint: false, mode: '整页', createdAt: iso, updatedAt: iso };
    await db.appointmentCertificates.add(row as never);
    await voidCertificate(db, row.id, '打印错误');
    // 9 was a typing error, corrected to 3: nobody holds 9 any more.
    await db.advisors.update(corrected.id, { certificateNumber: `桂科顾聘〔${year}〕3号` } as never);
    render(<Field db={db} />);
    await waitFor(() => expect(example()).toContain(`桂科顾聘〔${year}〕8号`));

    fireEvent.change(screen.getByLabelText('编号格式'), { target: { value: 'GX{年}-{序号:3}' } });
    await waitFor(() => expect(example()).toContain(`GX${year}-001`));
    await db.advisors.add(advisor({ certificateNumber: `GX${year}-004` }) as never);
    await waitFor(() => expect(example()).toContain(`GX${year}-005`));
  });
});
