/** Beijing time is UTC+8 all year (no daylight saving since 1991), so workflow code can show it without Intl data. */
const BEIJING_OFFSET_MS = 8 * 3_600_000;

/**
 * A time limit as the review's history lines show it to people (W1, W5): its wall-clock in Asia/Shanghai, a limit
 * ending at midnight as 24:00 of its last day — never the raw UTC instant, which reads as the wrong day in China.
 */
export function limitText(iso: string): { zh: string; en: string } {
  const at = Date.parse(iso);
  const wall = new Date(at + BEIJING_OFFSET_MS).toISOString();
  const text =
    wall.slice(11, 16) === '00:00'
      ? `${new Date(at + BEIJING_OFFSET_MS - 1).toISOString().slice(0, 10)} 24:00`
      : `${wall.slice(0, 10)} ${wall.slice(11, 16)}`;
  return { zh: `${text}（北京时间）`, en: `${text} (Beijing time)` };
}
