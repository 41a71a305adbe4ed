import type { Role } from '../access/roles';
import { coverageByUnit, requiredBodyCameras, unitCoverage, type CoverageDevice } from './device-coverage.rules';

const officers = (n: number, unitId = 'unit-1') =>
  Array.from({ length: n }, () => ({ roles: ['officer'] as Role[], unitId }));
const camera = (unitId = 'unit-1', retired = false): CoverageDevice => ({ kind: 'body-camera', unitId, retired });

describe('body cameras per unit (SPEC R11; seed 000 每5名执法人员至少配备一台执法记录仪)', () => {
  it('R11: one body camera per 5 officers, rounded up — 0 officers need none, 5 need 1, 6 need 2, 10 need 2, 11 need 3', () => {
    expect([0, 1, 5, 6, 10, 11].map(requiredBodyCameras)).toEqual([0, 1, 1, 2, 2, 3]);
  });

  it('R11: a unit without officers has no shortfall, even without a camera', () => {
    expect(unitCoverage('unit-1', 0, 0)).toEqual({
      unitId: 'unit-1',
      officers: 0,
      bodyCameras: 0,
      required: 0,
      shortfall: 0,
    });
  });

  it('R11: 5 officers with one camera are covered; a sixth officer makes a shortfall of one', () => {
    expect(coverageByUnit(officers(5), [camera()])).toEqual([
      { unitId: 'unit-1', officers: 5, bodyCameras: 1, required: 1, shortfall: 0 },
    ]);
    expect(coverageByUnit(officers(6), [camera()])).toEqual([
      { unitId: 'unit-1', officers: 6, bodyCameras: 1, required: 2, shortfall: 1 },
    ]);
    // More cameras than needed is no negative shortfall.
    expect(coverageByUnit(officers(1), [camera(), camera()])[0].shortfall).toBe(0);
  });

  it('R11: a lost (retired) camera no longer counts, and other recorders are not body cameras', () => {
    const devices: CoverageDevice[] = [
      camera('unit-1', true),
      { kind: 'camera', unitId: 'unit-1', retired: false },
      { kind: 'video-camera', unitId: 'unit-1', retired: false },
    ];
    expect(coverageByUnit(officers(3), devices)).toEqual([
      { unitId: 'unit-1', officers: 3, bodyCameras: 0, required: 1, shortfall: 1 },
    ]);
    expect(coverageByUnit(officers(3), [...devices, camera()])[0].shortfall).toBe(0);
  });

  it('R11: officers count in their own unit only, and a unit head or administrator is not an officer', () => {
    const people = [
      ...officers(6, 'unit-1'),
      ...officers(2, 'unit-2'),
      { roles: ['unit-head'] as Role[], unitId: 'unit-1' },
      { roles: ['records-administrator'] as Role[], unitId: 'unit-3' },
      { roles: ['officer', 'unit-head'] as Role[], unitId: 'unit-2' },
    ];
    const coverage = coverageByUnit(people, [camera('unit-1'), camera('unit-1'), camera('unit-4')]);
    expect(coverage).toEqual([
      { unitId: 'unit-1', officers: 6, bodyCameras: 2, required: 2, shortfall: 0 },
      { unitId: 'unit-2', officers: 3, bodyCameras: 0, required: 1, shortfall: 1 },
      // A unit with cameras and no officers is listed too, needing none.
      { unitId: 'unit-4', officers: 0, bodyCameras: 1, required: 0, shortfall: 0 },
    ]);
  });
});
