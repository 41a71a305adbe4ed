import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { IsStoreSafeText } from '../validation/text.decorators';
import { bilingualProblem } from './bilingual-problems';
import { createValidationPipe } from './validation.pipe';

class Inner {
  @IsStoreSafeText({ max: 5 }) note!: string;
}

class Query {
  @IsOptional() @IsIn(['open', 'closed']) status?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) pageSize?: number;
  @IsOptional() @ValidateNested() @Type(() => Inner) inner?: Inner;
}

async function refusal(value: unknown): Promise<{ code: string; details: { field: string; problems: string[] }[] }> {
  try {
    await createValidationPipe().transform(value, { type: 'query', metatype: Query });
  } catch (err) {
    return (err as { getResponse(): never }).getResponse();
  }
  throw new Error('not refused');
}

describe('validation problems name their field in both languages', () => {
  it('C1: class-validator’s English-only rules get their Chinese beside them, field by field (nested fields by path)', async () => {
    const body = await refusal({ status: 'lost', pageSize: '500', inner: { note: '太长了太长了' }, extra: 1 });
    expect(body.code).toBe('REQUEST.VALIDATION_FAILED');
    const byField = Object.fromEntries(body.details.map((d) => [d.field, d.problems]));
    expect(byField.status).toEqual([
      '须为以下值之一：open, closed / status must be one of the following values: open, closed',
    ]);
    expect(byField.pageSize).toEqual(['不得大于 100 / pageSize must not be greater than 100']);
    expect(byField.extra).toEqual(['不是本接口的字段，请删除 / property extra should not exist']);
    // Our own decorators already speak both languages: unchanged.
    expect(byField['inner.note']).toEqual(['note: 长度须为 1–5 个字符 / must be 1-5 characters long']);
  });

  it('C1: a rule without a Chinese text still says in Chinese that the field is wrong', () => {
    expect(bilingualProblem('isFooBar', 'x is foo')).toBe('不符合要求 / x is foo');
    expect(bilingualProblem('min', 'page must not be less than 1')).toBe('不得小于 1 / page must not be less than 1');
    expect(bilingualProblem('isIn', '已是中文')).toBe('已是中文');
  });
});
