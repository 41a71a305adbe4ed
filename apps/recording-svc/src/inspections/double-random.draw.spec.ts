import { execFileSync } from 'node:child_process';
import { drawDoubleRandom } from './double-random.draw';

const targets = Array.from({ length: 40 }, (_, i) => ({
  id: `T${String(i + 1).padStart(3, '0')}`,
  name: `养老机构${i + 1}`,
}));
const inspectors = Array.from({ length: 12 }, (_, i) => ({ id: `u-inspector-${i + 1}`, name: `检查员${i + 1}` }));

describe('drawDoubleRandom', () => {
  it('R12: the same seed and lists give the same draw, whatever order the lists are in', () => {
    const a = drawDoubleRandom({ seed: 's-2026-1', targets, inspectors, targetCount: 5, inspectorCount: 2 });
    const b = drawDoubleRandom({
      seed: 's-2026-1',
      targets: [...targets].reverse(),
      inspectors: [...inspectors].reverse(),
      targetCount: 5,
      inspectorCount: 2,
    });
    expect(b).toEqual(a);
    expect(a.targets).toHaveLength(5);
    expect(new Set(a.targets.map((t) => t.id)).size).toBe(5);
    expect(a.inspectors).toHaveLength(2);
  });

  it('R12: another seed draws differently', () => {
    const a = drawDoubleRandom({ seed: 'seed-a', targets, inspectors, targetCount: 5, inspectorCount: 2 });
    const b = drawDoubleRandom({ seed: 'seed-b', targets, inspectors, targetCount: 5, inspectorCount: 2 });
    expect(b.targets.map((t) => t.id)).not.toEqual(a.targets.map((t) => t.id));
  });

  it('R12: anyone can check a rank with sha256sum, as the algorithm documents', () => {
    const a = drawDoubleRandom({ seed: 'seed-a', targets, inspectors, targetCount: 1, inspectorCount: 1 });
    const first = a.targets[0];
    const shell = execFileSync('sh', ['-c', `printf '%s\\n%s\\n%s' seed-a targets ${first.id} | sha256sum`], {
      encoding: 'utf8',
    });
    expect(shell.split(' ')[0]).toBe(first.rank);
  });
});
