import { AppError } from '@enforcement/platform';
import { decodeUploadMetadata } from './upload-metadata';

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

describe('tus Upload-Metadata at the edge (R6)', () => {
  it('R6: decodes base64 values (Chinese included), a lone key as empty, interruptions from JSON', () => {
    const header = `caseNumber ${b64('CASE-1')},party ${b64('张三')},lossReport,interruptions ${b64('[{"at":"2030-01-01T00:00:00Z","reason":"没电"}]')}`;
    expect(decodeUploadMetadata(header)).toEqual({
      caseNumber: 'CASE-1',
      party: '张三',
      lossReport: '',
      interruptions: [{ at: '2030-01-01T00:00:00Z', reason: '没电' }],
    });
  });

  it('R6: a malformed header or unparsable interruptions is a 400 naming Upload-Metadata in both languages', () => {
    for (const bad of ['caseNumber a b', `caseNumber ***`, `interruptions ${b64('{')}`]) {
      let err: unknown;
      try {
        decodeUploadMetadata(bad);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).status).toBe(400);
      expect((err as AppError).messages.zh).toContain('Upload-Metadata');
      expect((err as AppError).messages.en).toContain('Upload-Metadata');
    }
  });
});
