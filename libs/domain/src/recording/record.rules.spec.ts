import { describeMissing, recordProblems } from './record.rules';
import { directService, inspection, officers, video } from './testing/case.fixtures';

const fields = (p: { field: string }[]) => p.map((x) => x.field);

describe('record rules', () => {
  it('R3: a complete on-site inspection transcript has no problems', () => {
    expect(recordProblems(inspection(), 'investigation')).toEqual([]);
  });

  it("R3: a transcript without the officers' certificate numbers is refused, naming each one", () => {
    const r = inspection();
    r.fields.officers = officers.map(({ name, certificateShown }) => ({ name, certificateShown }));
    expect(fields(recordProblems(r, 'investigation'))).toEqual([
      'fields.officers[0].certificateNo',
      'fields.officers[1].certificateNo',
    ]);
    const text = describeMissing(recordProblems(r, 'investigation'));
    expect(text.zh).toContain('第 1 名执法人员的执法证件编号');
    expect(text.en).toContain("officer 2's certificate number");
  });

  it('R3: one officer alone is not enough, and a missing signature must be replaced by a refusal record', () => {
    const r = inspection();
    r.fields.officers = [officers[0]];
    delete r.fields.signedBy;
    expect(fields(recordProblems(r, 'investigation'))).toEqual(['fields.officers', 'fields.signedBy']);
    r.fields.refusalRef = 'C-1/r2';
    expect(fields(recordProblems(r, 'investigation'))).toEqual(['fields.officers']);
  });

  it('R3: a record made in a step it does not belong to is refused with both step names', () => {
    const p = recordProblems(inspection(), 'closure');
    expect(p[0].zh).toContain('结案');
    expect(p[0].en).toContain('closure');
  });

  it('R3: a refusal to sign or to be inspected is a record of its own with witnesses', () => {
    const refusal = {
      type: 'refusal' as const,
      fields: { refusal: '拒绝签字', refusedAt: '2030-01-02T02:00:00Z', circumstances: '当事人拒签', witnesses: [] },
    };
    expect(fields(recordProblems(refusal, 'investigation'))).toEqual(['fields.witnesses']);
  });

  it('R3: the decision document must carry its reasoning on evidence, basis and discretion', () => {
    const r = {
      type: 'decision-document' as const,
      fields: {
        documentNumber: 'X',
        decidedAt: '2030-02-01T01:00:00Z',
        text: 't',
        conclusion: 'c',
        officers: ['李明'],
      },
    };
    expect(fields(recordProblems(r, 'decision'))).toEqual([
      'fields.evidenceReasoning',
      'fields.basisReasoning',
      'fields.discretionReasoning',
    ]);
  });

  it('R2: a named complaint not taken up must say when and how the complainant was answered', () => {
    const r = {
      type: 'complaint-declined' as const,
      fields: { complainant: '李四', named: true, reason: '不属于本机关管辖' },
    };
    expect(fields(recordProblems(r, 'initiation'))).toEqual(['fields.answeredAt', 'fields.answerMethod']);
    r.fields.named = false;
    expect(recordProblems(r, 'initiation')).toEqual([]);
  });

  it('R4: a direct service needs two servers and a signed receipt', () => {
    const r = directService();
    r.fields.servers = ['李明'];
    delete r.fields.receiptRef;
    const p = recordProblems(r, 'service');
    expect(fields(p)).toEqual(['fields.servers', 'fields.receiptRef']);
    expect(describeMissing(p).zh).toContain('送达人（至少 2 名）');
    expect(describeMissing(p).en).toContain('the signed service receipt');
  });

  it('R4: a left-at-residence service needs its continuous video', () => {
    const r = {
      type: 'service' as const,
      fields: {
        method: 'left-at-residence',
        documentName: '决定书',
        reason: '拒收',
        place: '某路1号',
        servedAt: '2030-02-02T01:00:00Z',
        servers: ['李明'],
        witnesses: ['居委会 周某'],
      },
    };
    expect(fields(recordProblems(r, 'service'))).toEqual(['av']);
    const cut = video('2030-02-02T00:55:00Z', '2030-02-02T01:10:00Z', 1, [
      { at: '2030-02-02T01:00:00Z', reason: '电量不足' },
    ]);
    expect(fields(recordProblems({ ...r, av: [cut] }, 'service'))).toEqual(['av']);
    expect(recordProblems({ ...r, av: [video('2030-02-02T00:55:00Z', '2030-02-02T01:10:00Z')] }, 'service')).toEqual(
      [],
    );
  });

  it('R4: a public-notice service needs why other methods failed, and a photo or video when posted', () => {
    const r = {
      type: 'service' as const,
      fields: {
        method: 'public-notice',
        documentName: '决定书',
        medium: '本局公告栏',
        publishedAt: '2030-02-03T01:00:00Z',
        noticeRef: '公告 1',
        posted: true,
      },
    };
    const p = recordProblems(r, 'service');
    expect(fields(p)).toEqual(['fields.whyOtherMethodsFailed', 'av']);
    expect(describeMissing(p).zh).toContain('采用其他方式均无法送达的情况');
  });

  it('R4: a postal service is registered or express, with its tracking number and receipt', () => {
    const r = {
      type: 'service' as const,
      fields: { method: 'postal', documentName: '决定书', documentNumber: '1号', mailKind: 'ordinary' },
    };
    expect(fields(recordProblems(r, 'service'))).toEqual([
      'fields.mailKind',
      'fields.trackingNumber',
      'fields.returnReceiptRef',
    ]);
    expect(
      recordProblems(
        { ...r, fields: { ...r.fields, mailKind: 'express', trackingNumber: 'EMS1', returnedReason: '查无此人' } },
        'service',
      ),
    ).toEqual([]);
  });

  it('R5: an AV reference names a SHA-256, a kind and its time span', () => {
    const r = { ...inspection(), av: [{ sha256: 'abc', kind: 'film', startedAt: 'x', endedAt: 'y' } as never] };
    expect(fields(recordProblems(r, 'investigation'))).toEqual(['av[0].sha256', 'av[0].kind', 'av[0].startedAt']);
  });
});
