import type { ScoutlineApp } from '../app-env.ts';
import { messageBulkPreviewRoute, messagePreviewRoute, messageTemplatesRoute } from '../../api-contract/message-contract.ts';
import { AppError } from '../../core/app-error.ts';
import { composeBatch } from '../../messages/compose-batch.ts';
import { composeMessage, type ComposeCandidate, type ComposeSeat } from '../../messages/compose-message.ts';
import { loadComposeCandidates, loadComposeSeat, searchComposeCandidates } from '../../messages/compose-sources.ts';
import { defaultTemplateForStep, defaultTemplateSources } from '../../messages/default-templates.ts';
import { llmConfigFromEnv } from '../../messages/llm-config.ts';
import { rewriteMessage } from '../../messages/llm-rewrite.ts';
import type { MessageStep } from '../../messages/message-step.ts';
import { parseTemplateSource } from '../../messages/message-template.ts';
import { resolveTemplate, type TemplateRef } from '../../messages/template-ref.ts';
import { readWorkspaceSettings } from '../../db/workspace-settings.ts';
import { privacyNoticeUrlOf } from '../../privacy/privacy-settings.ts';

function stepFor(step: MessageStep | undefined, template: TemplateRef | undefined): MessageStep {
  if (step) return step;
  if (template !== undefined) {
    const r = resolveTemplate(template);
    if (r.ok && r.compiled.template.step) return r.compiled.template.step;
  }
  return 'connection_note';
}

export function registerMessageRoutes(app: ScoutlineApp): void {
  app.openapi(
    messageTemplatesRoute,
    (c) => {
      const templates = (Object.entries(defaultTemplateForStep) as Array<[MessageStep, keyof typeof defaultTemplateSources]>).map(([step, name]) => {
        const source = defaultTemplateSources[name];
        const parsed = parseTemplateSource(source, name);
        return { name, step, intent: parsed.ok ? parsed.template.intent : '', source };
      });
      return c.json({ templates }, 200);
    },
  );

  app.openapi(
    messagePreviewRoute,
    async (c) => {
      const body = c.req.valid('json');
      const store = c.get('store');
      const ws = c.get('workspaceId');
      if ((body.candidateId === undefined) === (body.candidate === undefined)) throw new AppError('invalid_input', 'give exactly one of candidateId and candidate');
      const candidate: ComposeCandidate = body.candidate ?? (await loadComposeCandidates(store, ws, [{ kind: 'id', id: body.candidateId! }]))[0]!;
      const seat: ComposeSeat = body.seat ?? (await loadComposeSeat(store, ws, body.seatId));
      const llm = body.rewrite ? llmConfigFromEnv(process.env) : null;
      if (body.rewrite && !llm) throw new AppError('invalid_input', 'rewrite needs an LLM: set SCOUTLINE_LLM_BASE_URL and SCOUTLINE_LLM_MODEL on the server');
      const step = stepFor(body.step, body.template);
      const privacyNoticeUrl = privacyNoticeUrlOf((await readWorkspaceSettings(store.db, ws)).privacy);
      const result = composeMessage({ step, template: body.template, variants: body.variants, variantKey: body.variantKey, candidate, seat, role: body.role ?? null, asOf: body.asOf, privacyNoticeUrl });
      if (!result.ok) throw new AppError(result.code, result.message, result.details);
      if (!llm) return c.json({ message: result }, 200);
      const ref = result.variant && body.variants ? body.variants.find((v) => v.key === result.variant)?.template : body.template;
      const resolved = resolveTemplate(ref ?? defaultTemplateForStep[step]);
      const out = await rewriteMessage({ message: result, intent: resolved.ok ? resolved.compiled.template.intent : '', config: llm });
      return c.json({ message: out.message, rewrite: out.rewrite }, 200);
    },
  );

  app.openapi(
    messageBulkPreviewRoute,
    async (c) => {
      const body = c.req.valid('json');
      const store = c.get('store');
      const ws = c.get('workspaceId');
      const sources = [body.candidateIds, body.candidates, body.query].filter((x) => x !== undefined).length;
      if (sources !== 1) throw new AppError('invalid_input', 'give exactly one of candidateIds, candidates and query');
      const candidates = body.query
        ? await searchComposeCandidates(store, ws, body.query, body.limit)
        : body.candidateIds
          ? await loadComposeCandidates(store, ws, body.candidateIds.map((id) => ({ kind: 'id' as const, id })))
          : body.candidates!;
      const seat: ComposeSeat = body.seat ?? (await loadComposeSeat(store, ws, body.seatId));
      const step = stepFor(body.step, body.template);
      const privacyNoticeUrl = privacyNoticeUrlOf((await readWorkspaceSettings(store.db, ws)).privacy);
      const batch = composeBatch({ step, template: body.template, variants: body.variants, seat, role: body.role ?? null, asOf: body.asOf, candidates, privacyNoticeUrl });
      return c.json({ step, ...batch }, 200);
    },
  );
}
