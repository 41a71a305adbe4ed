import { AppError, isErrorBody, passedOnRefusal } from './app-error';

const refusal = {
  statusCode: 404,
  code: 'REVIEW.NOT_FOUND',
  message: { zh: '未找到该审核', en: 'No such review' },
  details: { caseNo: 'A-1' },
};

describe('a refusal from a service behind the gateway', () => {
  it('C1: a 4xx with the error body reaches the caller as it came — code, status, both languages, details', () => {
    const passed = passedOnRefusal(404, refusal);
    expect(passed).toBeInstanceOf(AppError);
    expect(passed).toMatchObject({ code: 'REVIEW.NOT_FOUND', status: 404, details: { caseNo: 'A-1' } });
    expect(passed?.messages).toEqual({ zh: '未找到该审核', en: 'No such review' });
  });

  it('C1: a 5xx, or a body without a code and a message in both languages, is not passed on (the gateway answers its own outage)', () => {
    expect(passedOnRefusal(500, refusal)).toBeUndefined();
    expect(passedOnRefusal(503, refusal)).toBeUndefined();
    expect(passedOnRefusal(400, { code: 'X', message: 'only English' })).toBeUndefined();
    expect(passedOnRefusal(400, { code: 'X', message: { zh: '只有中文' } })).toBeUndefined();
    expect(passedOnRefusal(400, undefined)).toBeUndefined();
    expect(passedOnRefusal(400, null)).toBeUndefined();
    expect(isErrorBody(refusal)).toBe(true);
    expect(isErrorBody({ message: refusal.message })).toBe(false);
  });
});
