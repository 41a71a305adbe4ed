import { avNeedOf, avShortfall, coversFullProcess, defaultAvRequirements } from './av-requirements.rules';
import { inspection, seizure, video } from './testing/case.fixtures';

const span = { start: Date.parse('2030-01-03T01:00:00Z'), end: Date.parse('2030-01-03T02:00:00Z') };

describe('AV requirement list', () => {
  it('R5: seizure, forced demolition and left-at-residence service need full-process AV; inspection needs some', () => {
    expect(avNeedOf(seizure(), defaultAvRequirements)).toBe('full-process');
    expect(avNeedOf({ type: 'forced-demolition', fields: {} }, defaultAvRequirements)).toBe('full-process');
    expect(avNeedOf({ type: 'service', fields: { method: 'left-at-residence' } }, defaultAvRequirements)).toBe(
      'full-process',
    );
    expect(avNeedOf(inspection(), defaultAvRequirements)).toBe('required');
    expect(avNeedOf({ type: 'service', fields: { method: 'direct' } }, defaultAvRequirements)).toBe('optional');
  });

  it('R5: the list is configurable per agency', () => {
    expect(avShortfall(inspection(), [], { ...defaultAvRequirements, 'inspection-transcript': 'optional' })).toBeNull();
    expect(avShortfall(inspection(), [], defaultAvRequirements)?.field).toBe('av');
    expect(avShortfall(inspection(), inspection().av ?? [], defaultAvRequirements)).toBeNull();
  });

  it('R5, R7: full-process AV covers the action; a gap is allowed only after a stated interruption', () => {
    expect(coversFullProcess([video('2030-01-03T00:59:00Z', '2030-01-03T02:01:00Z')], span)).toBe(true);
    expect(coversFullProcess([video('2030-01-03T01:05:00Z', '2030-01-03T02:01:00Z')], span)).toBe(false);
    const gap = [
      video('2030-01-03T01:00:00Z', '2030-01-03T01:20:00Z', 1),
      video('2030-01-03T01:25:00Z', '2030-01-03T02:00:00Z', 2),
    ];
    expect(coversFullProcess(gap, span)).toBe(false);
    gap[0] = video('2030-01-03T01:00:00Z', '2030-01-03T01:20:00Z', 1, [
      { at: '2030-01-03T01:20:00Z', reason: '电量不足，更换电池' },
    ]);
    expect(coversFullProcess(gap, span)).toBe(true);
    expect(coversFullProcess([{ ...video('2030-01-03T01:00:00Z', '2030-01-03T02:00:00Z'), kind: 'photo' }], span)).toBe(
      false,
    );
  });

  it('R5: a recorded reason why recording was impossible replaces the AV', () => {
    expect(avShortfall({ ...seizure(), avMissingReason: '设备故障' }, [], defaultAvRequirements)).toBeNull();
  });
});
