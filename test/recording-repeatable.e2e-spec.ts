import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { bearer, expectStatus, gateway } from '../apps/gateway/src/reviews/testing/review-journey';

/*
 * Found by tools/chaos (issue 12, faults): a case command answered 503 while recording-svc restarted had in fact been
 * carried out, and the client's retry was refused (409 CASE.WRONG_STEP) or would have recorded twice. Case commands
 * are now repeatable: the same x-request-id, caller and body get the first answer, and the Temporal update id is
 * derived from the call's key, so a retry after a lost answer never acts twice.
 */
describe('case commands are repeatable with the client’s request id (issue 12 faults)', () => {
  it('R1, R3, C3: a record and a step completion sent twice with the same x-request-id happen once', async () => {
    const caseNo = `RPT-${randomUUID().slice(0, 8)}`;
    const officer = await bearer('u-officer-1');
    expectStatus(
      await request(gateway)
        .post('/api/v1/cases')
        .set('authorization', officer)
        .send({
          caseNumber: caseNo,
          category: 'permit',
          title: `行政许可 ${caseNo}`,
          party: {
            name: '某某康养服务中心',
            kind: 'organisation',
            idNumber: '52430400MJJ000123L',
            address: '衡阳市某区某街道9号',
            contact: '0734-8123456',
          },
          initiationMode: 'application',
          needsReview: false,
        }),
      201,
    );
    const base = `/api/v1/cases/${encodeURIComponent(caseNo)}`;
    const complete = (id: string) =>
      request(gateway)
        .post(`${base}/steps/initiation/complete`)
        .set('authorization', officer)
        .set('x-request-id', id)
        .send({});
    const stepId = randomUUID();
    const first = expectStatus(await complete(stepId), 200).body;
    expect(expectStatus(await complete(stepId), 200).body).toEqual(first);
    // A new request id is a new command: the step is over, so it is refused.
    expect(expectStatus(await complete(randomUUID()), 409).body.code).toBe('CASE.WRONG_STEP');

    const now = Date.now();
    const transcript = {
      type: 'inspection-transcript',
      fields: {
        officers: [
          { name: '张执法', certificateNo: '43040001', certificateShown: true },
          { name: '王执法', certificateNo: '43040002', certificateShown: true },
        ],
        place: '衡阳市某区某街道9号',
        startedAt: new Date(now - 7_200_000).toISOString(),
        endedAt: new Date(now - 5_400_000).toISOString(),
        findings: '申请人条件符合',
        signedBy: '申请人法定代表人',
      },
      av: [
        {
          sha256: 'f'.repeat(64),
          kind: 'video',
          startedAt: new Date(now - 7_200_000).toISOString(),
          endedAt: new Date(now - 5_400_000).toISOString(),
        },
      ],
    };
    const add = (id: string) =>
      request(gateway).post(`${base}/records`).set('authorization', officer).set('x-request-id', id).send(transcript);
    const recordId = randomUUID();
    const added = expectStatus(await add(recordId), 201).body;
    expect(expectStatus(await add(recordId), 201).body).toEqual(added);
    // The same id with another body is another request: refused, nothing recorded.
    const other = await request(gateway)
      .post(`${base}/records`)
      .set('authorization', officer)
      .set('x-request-id', recordId)
      .send({ ...transcript, fields: { ...transcript.fields, findings: '另一内容' } });
    expect(expectStatus(other, 409).body.code).toBe('REQUEST.ID_REUSED');

    const timeline = expectStatus(
      await request(gateway).get(`${base}/timeline`).set('authorization', officer),
      200,
    ).body;
    const kinds = (timeline.entries as { kind: string }[]).map((e) => e.kind);
    expect(kinds.filter((k) => k === 'record-added')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'step-completed')).toHaveLength(1);
  }, 60_000);
});
