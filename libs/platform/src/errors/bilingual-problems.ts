/**
 * class-validator's built-in messages are English only ("status must be one of the following values: …"). A person
 * reads the problem next to the field it concerns, so each gets its Chinese beside it: "中文 / English". Messages
 * that already carry Chinese (our own decorators) pass unchanged; the English stays for clients that read it.
 */
const HAS_CHINESE = /[\u4e00-\u9fff]/;

/** The number a bound's message ends with ("… must not be greater than 100" → "100"). */
const boundOf = (message: string) => /(-?\d+(?:\.\d+)?)\D*$/.exec(message)?.[1] ?? '';
/** The values listed after "following values:". */
const valuesOf = (message: string) => /following values:\s*(.*)$/.exec(message)?.[1] ?? '';

const CHINESE: Record<string, (message: string) => string> = {
  isNotEmpty: () => '不能为空',
  isDefined: () => '必须填写',
  isString: () => '须为文字（字符串）',
  isInt: () => '须为整数',
  isNumber: () => '须为数字',
  isBoolean: () => '须为是或否（true / false）',
  isIn: (m) => `须为以下值之一：${valuesOf(m)}`,
  isEnum: (m) => `须为以下值之一：${valuesOf(m)}`,
  min: (m) => `不得小于 ${boundOf(m)}`,
  max: (m) => `不得大于 ${boundOf(m)}`,
  minLength: (m) => `长度不得少于 ${boundOf(m)} 个字符`,
  maxLength: (m) => `长度不得超过 ${boundOf(m)} 个字符`,
  isLength: () => '长度不在允许范围内',
  isArray: () => '须为列表（数组）',
  arrayMinSize: (m) => `至少须有 ${boundOf(m)} 项`,
  arrayMaxSize: (m) => `最多 ${boundOf(m)} 项`,
  arrayNotEmpty: () => '不能为空列表',
  isObject: () => '须为对象',
  nestedValidation: () => '须为对象',
  isUuid: () => '须为 UUID',
  isIso8601: () => '须为 ISO 8601 格式的日期或时间',
  isDateString: () => '须为 ISO 8601 格式的日期或时间',
  isUrl: () => '须为网址（URL）',
  matches: () => '格式不正确',
  whitelistValidation: () => '不是本接口的字段，请删除',
};

/** One problem of a field in both languages; `constraint` is class-validator's name of the failed rule. */
export function bilingualProblem(constraint: string, message: string): string {
  if (HAS_CHINESE.test(message)) return message;
  const zh = CHINESE[constraint]?.(message) ?? '不符合要求';
  return `${zh} / ${message}`;
}
