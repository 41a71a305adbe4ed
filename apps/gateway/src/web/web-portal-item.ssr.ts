import { Controller, Get, Header, Headers, Param, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { AppError, NotPersonalData } from '@enforcement/platform';
import { DisclosureReadApi } from '../portal/disclosure-read.api';
import { PublicAccess } from '../portal/portal-access';
import { PortalRateLimitGuard } from '../portal/portal-rate-limit.guard';

/** What the portal's read API answers for one item (disclosure-svc's portal DTO). */
export interface PortalItemView {
  id: string;
  decisionNumber: string;
  agencyName: string;
  category: string;
  target: string;
  decidedOn: string;
  publishedAt: string;
  mode: 'full-text' | 'abstract';
  body: string;
}

const CATEGORY: Record<string, string> = {
  permit: '行政许可 permit',
  penalty: '行政处罚 penalty',
  'coercive-measure': '行政强制 coercive measure',
  inspection: '行政检查 inspection',
  expropriation: '行政征收征用 expropriation',
  fee: '行政收费 fee',
  confirmation: '行政确认 confirmation',
  other: '其他 other',
};

/** Everything put in the page is text: `& < > " '` escaped, so nothing published can become markup. */
export function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}

/** Asia/Shanghai wall-clock of an instant (SPEC W1), whatever the server's zone. */
function shanghai(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(d);
}

function page(title: string, main: string): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · 行政执法公示平台</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/portal-item.css">
</head>
<body>
<header class="bar"><a href="/portal">行政执法公示平台 <span lang="en">Enforcement disclosure portal</span></a></header>
<main id="main">
${main}
</main>
</body>
</html>`;
}

/** One published decision as a complete HTML page: no script needed to read it, fast on a phone (SPEC D11). */
export function renderPortalItem(item: PortalItemView): string {
  const id = encodeURIComponent(item.id);
  const rows: [string, string][] = [
    ['执法主体 <span lang="en">Agency</span>', escapeHtml(item.agencyName)],
    ['执法类别 <span lang="en">Category</span>', escapeHtml(CATEGORY[item.category] ?? item.category)],
    ['当事人 <span lang="en">Party</span>', escapeHtml(item.target)],
    ['决定日期 <span lang="en">Decided on</span>', escapeHtml(item.decidedOn)],
    ['公示时间 <span lang="en">Published</span>', `${escapeHtml(shanghai(item.publishedAt))}（北京时间）`],
    [
      '公示方式 <span lang="en">Mode</span>',
      item.mode === 'abstract' ? '摘要 <span lang="en">abstract</span>' : '全文 <span lang="en">full text</span>',
    ],
  ];
  return page(
    item.decisionNumber,
    `<article data-testid="ssr-item">
<h1>${escapeHtml(item.decisionNumber)}</h1>
<dl>${rows.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl>
<section aria-labelledby="body-h"><h2 id="body-h">决定内容 <span lang="en">Decision</span></h2>
<div class="body">${escapeHtml(item.body)}</div></section>
<section aria-labelledby="obj-h"><h2 id="obj-h">更正申请 <span lang="en">Ask for a correction</span></h2>
<p>认为公示信息不准确的，可以提供证据申请更正，10 个工作日内答复（紧急的 2 个工作日）。
<span lang="en">If anything published here is wrong, ask for a correction with your evidence: answered within 10 working days (2 if urgent).</span></p>
<p><a class="button" data-testid="ssr-objection-link" href="/portal/items/${id}/objection">提出更正申请 <span lang="en">Ask for a correction</span></a></p>
</section>
<p><a href="/portal">返回公示查询 <span lang="en">Back to the search</span></a></p>
</article>`,
  );
}

export function renderPortalProblem(status: number, message: { zh: string; en: string }): string {
  return page(
    message.zh,
    `<h1>${escapeHtml(message.zh)}</h1><p lang="en">${escapeHtml(message.en)}</p><p><a href="/portal">返回公示查询 <span lang="en">Back to the search</span></a></p><!-- ${status} -->`,
  );
}

/**
 * `/portal/items/:id` rendered on the server (SPEC D11): readable without JavaScript, by search engines and screen
 * readers; the same item the portal API serves, through the same rate limit. The SPA opens the same path itself when
 * navigated to inside the app.
 */
@ApiExcludeController()
@Controller('portal/items')
@UseGuards(PortalRateLimitGuard)
export class PortalItemPageController {
  constructor(private readonly reads: DisclosureReadApi) {}

  @Get(':id')
  @NotPersonalData('a published, redacted portal item (D11), read by anyone')
  @PublicAccess('portal.item')
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'public, max-age=60')
  async item(
    @Param('id') id: string,
    @Res({ passthrough: true }) res: Response,
    @Headers('x-request-id') requestId?: string,
  ): Promise<string> {
    if (id.length === 0 || id.length > 120 || /[/\\?#%\s]/.test(id)) {
      res.status(404);
      return renderPortalProblem(404, { zh: '未找到该公示信息', en: 'No such published item' });
    }
    try {
      const item = (await this.reads.get(`/portal/items/${encodeURIComponent(id)}`, {}, requestId)) as PortalItemView;
      return renderPortalItem(item);
    } catch (err) {
      const status = err instanceof AppError && Number(err.status) < 500 ? Number(err.status) : 503;
      res.status(status);
      res.setHeader('cache-control', 'no-store');
      const message =
        status === 404
          ? {
              zh: '未找到该公示信息（可能已撤下或公示期满）',
              en: 'No such published item (it may have been withdrawn or expired)',
            }
          : { zh: '公示平台暂时无法访问，请稍后再试', en: 'The disclosure portal is unavailable; try again shortly' };
      return renderPortalProblem(status, message);
    }
  }
}
