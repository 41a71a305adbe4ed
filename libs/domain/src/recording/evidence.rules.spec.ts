import {
  evidenceAvRef,
  evidenceContentKey,
  evidenceMetadataFromTus,
  evidenceMetadataProblems,
  type EvidenceMetadata,
} from './evidence.rules';

const meta = (over: Partial<EvidenceMetadata> = {}): EvidenceMetadata => ({
  caseNumber: 'CASE-1',
  recordId: 'CASE-1/r2',
  kind: 'video',
  party: '张三',
  officer: 'u-officer',
  device: 'DSJ-007',
  startedAt: '2030-03-04T09:00:00.000Z',
  endedAt: '2030-03-04T10:00:00.000Z',
  place: '某市某路 1 号',
  fileName: 'DSJ007_0001.mp4',
  interruptions: [],
  lossReport: null,
  ...over,
});

describe('evidence metadata (R5, R6, R7)', () => {
  it('R7: content lives under sha256/ab/cd/<hash>; anything but a lower-case SHA-256 is refused', () => {
    const h = 'ab'.padEnd(64, 'c');
    expect(evidenceContentKey(h)).toBe(`sha256/ab/cc/${h}`);
    expect(() => evidenceContentKey(h.toUpperCase())).toThrow();
    expect(() => evidenceContentKey('../../etc/passwd')).toThrow();
  });

  it('R6: sound metadata has no problem', () => {
    expect(evidenceMetadataProblems(meta())).toEqual([]);
  });

  it('R6: an end before the start and an interruption outside the span are named by field', () => {
    const problems = evidenceMetadataProblems(
      meta({
        endedAt: '2030-03-04T08:00:00.000Z',
        interruptions: [{ at: '2030-03-04T11:00:00.000Z', resumedAt: '2030-03-04T11:05:00.000Z', reason: '没电' }],
      }),
    );
    expect(problems.map((p) => p.field)).toEqual(['endedAt', 'interruptions.0.at']);
  });

  it('R7: recording that could not be continued or footage lost for good needs a written report; a resumed gap needs only its reason', () => {
    const gap = { at: '2030-03-04T09:30:00.000Z', resumedAt: '2030-03-04T09:35:00.000Z', reason: '设备故障' };
    expect(evidenceMetadataProblems(meta({ interruptions: [gap] }))).toEqual([]);
    const lost = meta({ interruptions: [{ ...gap, lost: true }] });
    expect(evidenceMetadataProblems(lost).map((p) => p.field)).toEqual(['lossReport']);
    const neverResumed = meta({ interruptions: [{ at: gap.at, reason: '当事人阻挠' }] });
    expect(evidenceMetadataProblems(neverResumed).map((p) => p.field)).toEqual(['lossReport']);
    expect(
      evidenceMetadataProblems({
        ...lost,
        lossReport: '执法记录仪存储卡损坏，9:30 至 9:35 的视频无法恢复，已逐级报告。',
      }),
    ).toEqual([]);
  });

  it('R5: the file reaches the case as an AV reference with its hash, span and stated gap reasons', () => {
    const m = meta({ interruptions: [{ at: '2030-03-04T09:30:00Z', reason: '设备故障' }] });
    expect(evidenceAvRef(m, 'f'.repeat(64))).toEqual({
      sha256: 'f'.repeat(64),
      kind: 'video',
      startedAt: '2030-03-04T09:00:00.000Z',
      endedAt: '2030-03-04T10:00:00.000Z',
      interruptions: [{ at: '2030-03-04T09:30:00.000Z', reason: '设备故障' }],
    });
  });

  it('R6: tus metadata reads back with interruptions from JSON; broken JSON throws', () => {
    const read = evidenceMetadataFromTus({ caseNumber: 'CASE-1', interruptions: '[{"at":"x","reason":"y"}]' });
    expect(read.caseNumber).toBe('CASE-1');
    expect(read.interruptions).toEqual([{ at: 'x', reason: 'y' }]);
    expect(read.lossReport).toBeNull();
    expect(() => evidenceMetadataFromTus({ interruptions: '{' })).toThrow();
  });
});
