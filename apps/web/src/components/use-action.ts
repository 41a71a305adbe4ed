import { ref } from 'vue';
import { ApiError } from '@/api/http';
import { readerFirst } from '@/i18n/reader-first';

/**
 * One action of a page (a form's submit): whether it runs, and the API's refusal to show beside it. Field problems
 * are read from the same error with `fieldError('documentNo')`.
 */
export function useAction() {
  const pending = ref(false);
  const error = ref<ApiError | null>(null);
  const done = ref(false);

  async function run<T>(action: () => Promise<T>): Promise<T | undefined> {
    pending.value = true;
    error.value = null;
    done.value = false;
    try {
      const result = await action();
      done.value = true;
      return result;
    } catch (err) {
      if (err instanceof ApiError) error.value = err;
      else throw err;
      return undefined;
    } finally {
      pending.value = false;
    }
  }

  /** Problems the server reported for one field, each in the reader's language first, joined for an el-form-item. */
  function fieldError(field: string): string {
    return error.value?.problemsOf(field).map(readerFirst).join('; ') ?? '';
  }

  return { pending, error, done, run, fieldError };
}
