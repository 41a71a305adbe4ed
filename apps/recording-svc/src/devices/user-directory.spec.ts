import { existsSync, readFileSync } from 'node:fs';
import { directoryFile, parseDirectory } from './user-directory';

describe('the user directory R11’s body-camera ratio counts officers from', () => {
  it('R11: production reads only the configured file; a local or test stack falls back to the demo users', () => {
    expect(directoryFile({ file: '/etc/agency/people.json', nodeEnv: 'production' })).toBe('/etc/agency/people.json');
    expect(directoryFile({ file: '', nodeEnv: 'production' })).toBeNull();
    expect(directoryFile({ nodeEnv: undefined })).toBeNull();
    const demo = directoryFile({ nodeEnv: 'test' });
    expect(demo).toMatch(/infra\/local\/demo-users\.json$/);
    expect(existsSync(demo!)).toBe(true);
  });

  it('R11: the demo directory has two officers in unit 1 and one in unit 2; entries naming no known role are left out', () => {
    const people = parseDirectory(readFileSync(directoryFile({ nodeEnv: 'test' })!, 'utf8'));
    const officersOf = (unit: string) =>
      people.filter((p) => p.unitId === unit && p.roles.includes('officer')).map((p) => p.id);
    expect(officersOf('unit-enforcement-1').sort()).toEqual(['u-officer-1', 'u-officer-3']);
    expect(officersOf('unit-enforcement-2')).toEqual(['u-officer-2']);
    const odd = parseDirectory(
      JSON.stringify({
        users: [
          { id: 'a', name: '甲', roles: ['officer'], unitId: 'u1' },
          { id: 'b', name: '乙', roles: ['janitor'], unitId: 'u1' },
          { id: 'c', roles: ['officer'] },
          null,
        ],
      }),
    );
    expect(odd).toEqual([{ id: 'a', name: '甲', roles: ['officer'], unitId: 'u1' }]);
    expect(() => parseDirectory('{"people": []}')).toThrow(/users/);
  });
});
