import { z } from '@hono/zod-openapi';
import type { ScoutlineApp } from '../app-env.ts';
import { auditRequest, callerOf } from '../request-audit.ts';
import { candidatePrivacy } from '../../privacy/candidate-privacy-store.ts';
import { exportCandidateData } from '../../privacy/data-subject-export-store.ts';
import { exportFileName } from '../../privacy/data-subject-export.ts';
import { lawfulBases, lawfulBasisLabels, retentionPolicySchema } from '../../privacy/privacy-settings.ts';
import { loadPrivacySettings, parsePrivacySettings, savePrivacySettings } from '../../privacy/privacy-settings-store.ts';
import { applyRetention, listRetentionFlags, retentionDryRun } from '../../privacy/retention-store.ts';
import { getCandidatesByIdExportRoute, getCandidatesByIdPrivacyRoute, getPrivacySettingsRoute, putPrivacySettingsRoute, postPrivacyRetentionDryRunRoute, postPrivacyRetentionApplyRoute, getPrivacyRetentionFlagsRoute } from '../../api-contract/privacy-contract.ts';

const withLabels = <T extends object>(s: T) => ({ ...s, lawfulBases: lawfulBases.map((value) => ({ value, label: lawfulBasisLabels[value] })) });

export function registerPrivacyRoutes(app: ScoutlineApp): void {
  app.openapi(
    getCandidatesByIdExportRoute,
    async (c) => {
      const { id } = c.req.valid('param');
      const now = new Date().toISOString();
      const data = await exportCandidateData(c.get('store'), c.get('workspaceId'), id, now);
      // what was exported and how much, never the data
      await auditRequest(c, {
        action: 'export',
        target: `candidate:${id}`,
        details: { kind: 'data-subject', notes: data.notes.length, campaigns: data.outreach.campaigns.length, outcomes: data.outreach.outcomes.length, sources: data.sources.records.length },
      });
      c.header('Content-Disposition', `attachment; filename="${exportFileName(id, now)}"`);
      c.header('Cache-Control', 'no-store');
      return c.json(data, 200);
    },
  );

  app.openapi(getCandidatesByIdPrivacyRoute, async (c) => c.json(await candidatePrivacy(c.get('store'), c.get('workspaceId'), c.req.valid('param').id), 200));

  app.openapi(getPrivacySettingsRoute, async (c) => c.json(withLabels(await loadPrivacySettings(c.get('store').db, c.get('workspaceId'))), 200));

  app.openapi(
    putPrivacySettingsRoute,
    async (c) => {
      const { settings, changed } = await savePrivacySettings(c.get('store'), c.get('workspaceId'), parsePrivacySettings(c.req.valid('json')), {
        audit: (trx, fields) => auditRequest(c, { action: 'settings_changed', target: 'privacy', details: { changed: fields } }, trx),
      });
      return c.json({ ...withLabels(settings), changed }, 200);
    },
  );

  app.openapi(
    postPrivacyRetentionDryRunRoute,
    async (c) => {
      const body = (c.req.valid('json') ?? {}) as { policy?: z.infer<typeof retentionPolicySchema>; limit?: number };
      const policy = body.policy ?? (await loadPrivacySettings(c.get('store').db, c.get('workspaceId'))).retention;
      const plan = await retentionDryRun(c.get('store'), c.get('workspaceId'), policy);
      return c.json({ policy, cutoff: plan.cutoff, total: plan.affected.length, candidates: plan.affected.slice(0, body.limit ?? 500).map(({ inActiveSequence: _a, ...rest }) => rest), unflag: plan.unflag.length }, 200);
    },
  );

  app.openapi(
    postPrivacyRetentionApplyRoute,
    async (c) => {
      const caller = callerOf(c);
      const r = await applyRetention(c.get('store'), c.get('workspaceId'), { by: caller.email, audit: (trx, e) => auditRequest(c, e, trx) });
      return c.json({ at: r.at, action: r.action, cutoff: r.cutoff, flagged: r.flagged, erased: r.erased, skipped: r.skipped, skippedIds: r.skippedIds, unflagged: r.unflagged }, 200);
    },
  );

  app.openapi(getPrivacyRetentionFlagsRoute, async (c) => c.json(await listRetentionFlags(c.get('store'), c.get('workspaceId'), c.req.valid('query').limit), 200));
}
