import { advisorSchema, type Advisor } from '../../../../../shared/domain/advisors/schema';
import { useDb } from '../../../db/DbContext';
import { updateAdvisor } from '../../../db/repositories/advisors';
import { AdvisorBasicsFields } from '../forms/AdvisorBasicsFields';
import { InlineRecordForm } from '../../../components/forms/InlineRecordForm';
import { SelectionFields } from '../forms/SelectionFields';

/** 基本信息: who the advisor is and the parties around them. */
export function BasicsTab({ advisor }: { advisor: Advisor }) {
  const db = useDb();
  return (
    <InlineRecordForm
      key={advisor.updatedAt}
      label="基本信息"
      schema={advisorSchema}
      record={advisor}
      save={(fields) => updateAdvisor(db, advisor.id, fields)}
      successMessage="基本信息已保存"
      submitLabel="保存基本信息"
    >
      <AdvisorBasicsFields />
    </InlineRecordForm>
  );
}

/** 选聘 (seed 000 §二): filled in before the file can go to 评议. */
export function SelectionTab({ advisor }: { advisor: Advisor }) {
  const db = useDb();
  return (
    <InlineRecordForm
      key={advisor.updatedAt}
      label="选聘信息"
      schema={advisorSchema}
      record={advisor}
      save={(fields) => updateAdvisor(db, advisor.id, fields)}
      successMessage="选聘信息已保存"
      submitLabel="保存选聘信息"
    >
      <SelectionFields />
    </InlineRecordForm>
  );
}
