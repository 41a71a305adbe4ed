import { createOpinionRenderPool, type OpinionRenderPool } from './opinion-document.render-pool';
import { renderOpinionDocument } from './opinion-document.renderer';
import { OpinionDocumentInputError } from './opinion-document.errors';
import { opinionInput } from './testing/opinion-document.fixtures';

describe('opinion document render pool', () => {
  let pool: OpinionRenderPool;

  beforeAll(() => {
    pool = createOpinionRenderPool({ OPINION_RENDER_THREADS: '1' });
  });

  afterAll(() => pool.close());

  it('L9: a document rendered in a worker thread has the same bytes as one rendered in place', async () => {
    const [inWorker, inPlace] = await Promise.all([pool.render(opinionInput()), renderOpinionDocument(opinionInput())]);
    expect(pool.threads).toBe(1);
    expect(inWorker.copies.map((c) => c.copy)).toEqual(inPlace.copies.map((c) => c.copy));
    inWorker.copies.forEach((copy, i) => {
      expect(Buffer.isBuffer(copy.pdf)).toBe(true);
      expect(copy.sha256).toBe(inPlace.copies[i].sha256);
      expect(copy.pdf.equals(inPlace.copies[i].pdf)).toBe(true);
    });
    // Two CJK documents (the worker parses the 20 MB font first) on a shared 2-core machine: jest's 5 s is too tight.
  }, 30_000);

  it('L9: an unlawful input refused in the worker comes back as the same error, field and messages', async () => {
    const refused = pool.render(opinionInput({ documentNo: ' ' }));
    await expect(refused).rejects.toBeInstanceOf(OpinionDocumentInputError);
    await expect(refused).rejects.toMatchObject({
      code: 'OPINION_DOCUMENT.INVALID_INPUT',
      field: 'documentNo',
      message_zh: '不能为空',
      message_en: 'must not be blank',
    });
  });

  it('an unusable thread count is refused at start with the setting to fix', () => {
    for (const bad of ['-1', 'two', '1.5', '17']) {
      expect(() => createOpinionRenderPool({ OPINION_RENDER_THREADS: bad })).toThrow(/OPINION_RENDER_THREADS/);
    }
    expect(createOpinionRenderPool({ OPINION_RENDER_THREADS: '0' }).threads).toBe(0);
  });
});
