/**
 * Decision facts for the web tests, put on Kafka exactly as recording-svc emits them (the same contracts,
 * validated), so disclosure-svc drafts, publishes and withdraws them as in production.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Kafka, logLevel } from 'kafkajs';
import {
  Topics,
  caseDecisionIssuedV1,
  caseDecisionRevokedV1,
  type CaseDecisionIssuedV1,
  type Actor,
  type EventEnvelope,
} from '@enforcement/domain';
import { issueToken } from '@enforcement/platform';
import { stackEnv } from '@enforcement/platform/testing/stack-env';

const env = stackEnv();

async function produce(caseNumber: string, type: string, data: unknown): Promise<void> {
  const kafka = new Kafka({ clientId: 'e2e-web', brokers: env.KAFKA_BROKERS.split(','), logLevel: logLevel.NOTHING });
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  try {
    const envelope: EventEnvelope = {
      id: randomUUID(),
      type,
      source: 'recording-svc',
      subject: caseNumber,
      time: new Date().toISOString(),
      correlationId: `e2e-web-${caseNumber}`,
      data,
    };
    await producer.send({ topic: Topics.case, messages: [{ key: caseNumber, value: JSON.stringify(envelope) }] });
  } finally {
    await producer.disconnect();
  }
}

export async function issueDecision(decision: CaseDecisionIssuedV1): Promise<void> {
  await produce(decision.caseNumber, caseDecisionIssuedV1.type, caseDecisionIssuedV1.data.parse(decision));
}

/** D8: the decision revoked (复议撤销): disclosure-svc withdraws its publication. */
export async function revokeDecision(decision: CaseDecisionIssuedV1, documentNumber: string): Promise<void> {
  await produce(
    decision.caseNumber,
    caseDecisionRevokedV1.type,
    caseDecisionRevokedV1.data.parse({
      caseNumber: decision.caseNumber,
      decisionNumber: decision.decisionNumber,
      kind: 'revoked',
      legalDocument: { number: documentNumber, issuedBy: '演示市人民政府', receivedAt: new Date().toISOString() },
      explanation: '原处罚决定经行政复议被撤销。',
      newDecisionNumber: null,
      unitId: decision.unitId,
    }),
  );
}

/** A handling unit's disclosure officer as the agency's identity provider would sign them in (not a demo user). */
export async function disclosureOfficer(unitId: string): Promise<{ token: string; actor: Actor }> {
  const actor: Actor = { id: `u-disclosure-${unitId}`, name: '公示联络员', roles: ['disclosure-officer'], unitId };
  const token = await issueToken(readFileSync(env.JWT_PRIVATE_KEY_FILE, 'utf8'), actor, 'enforcement-local', '10m');
  return { token, actor };
}
