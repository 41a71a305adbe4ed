import type { LegalPeriod } from '@enforcement/workdays';
import type { CaseDecisionIssuedV1 } from '../events/case-decision-issued.v1';
import type { CaseExecutionRecordedV1 } from '../events/case-execution-recorded.v1';
import type { InspectionResultRecordedV1 } from '../events/inspection-result-recorded.v1';
import { publicationWorkflowId, type PublicationWorkflowInput } from './publication.workflow-contract';

/**
 * 检查结果、执行信息、双随机抽查结果 (SPEC D4; 000 附件1 第十六–十八条): published the way decisions are — one
 * publication workflow per source fact, redacted, reviewed by the disclosure officer, withdrawn after the D7 period —
 * within 20 working days of completing the matter (行政执法事项完成之日), whatever the decision's category.
 */
export const RESULT_PUBLICATION_PERIOD: LegalPeriod = { workdays: 20 };

/** A start of the publication workflow: its id (one per source fact, so a repeated fact starts nothing) and input. */
export interface ResultPublicationStart {
  readonly workflowId: string;
  readonly input: PublicationWorkflowInput;
}

const METHOD_ZH = { written: '书面核查', 'on-site': '现场检查' } as const;

/** 'YYYY-MM-DD' of an instant in Beijing time (the civil date the text shows). */
function beijingDate(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);
}

const firstLine = (text: string) => (text.split('\n').find((l) => l.trim() !== '') ?? text).slice(0, 500);

/** 行政检查结果 (第十六条: 检查主体、检查对象、结论及日期); from a draw, a 双随机抽查结果. */
export function inspectionResultPublication(
  fact: InspectionResultRecordedV1,
  correlationId: string,
): ResultPublicationStart {
  const kind = fact.drawId ? '双随机抽查结果' : '行政检查结果';
  const text = [
    kind,
    `检查主体：${fact.agency.name}`,
    `检查对象：${fact.target.name}（${fact.target.id}）`,
    `检查事项：${fact.item}`,
    `检查方式：${METHOD_ZH[fact.method]}`,
    `检查日期：${beijingDate(fact.inspectedAt)}`,
    `检查结论：${fact.result}`,
    ...(fact.inspectors.length > 0 ? [`执法检查人员：${fact.inspectors.join('、')}`] : []),
  ].join('\n');
  const decision: CaseDecisionIssuedV1 = {
    caseNumber: fact.drawId ?? fact.inspectionId,
    decisionNumber: `${kind}-${fact.inspectionId}`,
    category: 'inspection',
    permitGranted: null,
    // A target of the random-inspection list is a market entity named by its credit code (R12).
    party: { name: fact.target.name, kind: 'organisation', idCode: null },
    conclusion: firstLine(fact.result),
    text,
    decidedAt: fact.inspectedAt,
    unitId: fact.unitId,
    agency: fact.agency,
    officers: fact.inspectors.slice(0, 20),
  };
  return start(decision, correlationId, fact.drawId ? 'double-random-result' : 'inspection-result');
}

/** 执行信息 (第十七条: 决定书编号、执行主体、执行对象、执行结果). */
export function executionPublication(fact: CaseExecutionRecordedV1, correlationId: string): ResultPublicationStart {
  const text = [
    '行政执法决定执行信息',
    `行政执法决定书编号：${fact.decisionNumber}`,
    `执行主体：${fact.agency.name}`,
    `执行对象：${fact.party.name}`,
    `执行结果：${fact.result}`,
    `执行完毕日期：${beijingDate(fact.completedAt)}`,
  ].join('\n');
  const decision: CaseDecisionIssuedV1 = {
    caseNumber: fact.caseNumber,
    decisionNumber: `执行信息-${fact.decisionNumber}`,
    category: fact.category,
    permitGranted: null,
    party: fact.party,
    conclusion: firstLine(fact.result),
    text,
    decidedAt: fact.completedAt,
    unitId: fact.unitId,
    agency: fact.agency,
    officers: fact.officers,
  };
  return start(decision, correlationId, 'execution');
}

function start(
  decision: CaseDecisionIssuedV1,
  correlationId: string,
  source: NonNullable<PublicationWorkflowInput['source']>,
): ResultPublicationStart {
  return {
    workflowId: publicationWorkflowId(decision.decisionNumber),
    input: { decision, correlationId, period: RESULT_PUBLICATION_PERIOD, source },
  };
}
