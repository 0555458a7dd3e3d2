import { zodIssuesText } from '../../core/zod-issues.ts';
import { existsSync, readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { Command } from 'commander';
import { AppError } from '../../core/app-error.ts';
import { exitStatusFor } from '../../core/error-codes.ts';
import { parseCandidateList } from '../../messages/candidate-list.ts';
import { composeBatch, type BatchComposeResult } from '../../messages/compose-batch.ts';
import type { ComposeResult, TemplateVariant } from '../../messages/compose-message.ts';
import { loadComposeCandidates, loadComposeSeat, searchComposeCandidates } from '../../messages/compose-sources.ts';
import { defaultTemplateForStep, defaultTemplateSources, isDefaultTemplateName } from '../../messages/default-templates.ts';
import { llmConfigFromEnv } from '../../messages/llm-config.ts';
import { rewriteMessage } from '../../messages/llm-rewrite.ts';
import { messageRoleSchema, type MessageRole } from '../../messages/message-role.ts';
import { isMessageStep, messageSteps, type MessageStep } from '../../messages/message-step.ts';
import { parseTemplateSource } from '../../messages/message-template.ts';
import type { TemplateRef } from '../../messages/template-ref.ts';
import { action, dbOption, defaultWorkspace, parseIntOption, printJson, withStore } from '../cli-context.ts';
import { readWorkspaceSettings } from '../../db/workspace-settings.ts';
import { privacyNoticeUrlOf } from '../../privacy/privacy-settings.ts';

interface ComposeOptions {
  template: string[];
  candidates: string;
  step?: string;
  seat?: string;
  freeSeat?: boolean;
  role?: string;
  roleTitle?: string;
  roleCompany?: string;
  roleSkills?: string;
  roleLocation?: string;
  rolePitch?: string;
  limit: number;
  asOf?: string;
  llm?: boolean;
  json?: boolean;
}

/** A template option: a default's name, or a path to a .liquid file. */
function loadTemplate(nameOrPath: string): { ref: TemplateRef; name: string; step: MessageStep | null; intent: string } {
  if (isDefaultTemplateName(nameOrPath)) {
    const parsed = parseTemplateSource(defaultTemplateSources[nameOrPath], nameOrPath);
    const step = (Object.entries(defaultTemplateForStep).find(([, n]) => n === nameOrPath)?.[0] ?? null) as MessageStep | null;
    return { ref: nameOrPath, name: nameOrPath, step, intent: parsed.ok ? parsed.template.intent : '' };
  }
  if (!existsSync(nameOrPath)) {
    throw new AppError('invalid_input', `--template '${nameOrPath}' is neither a default template (${Object.keys(defaultTemplateSources).join(', ')}) nor a file`);
  }
  const source = readFileSync(nameOrPath, 'utf8');
  const name = basename(nameOrPath, extname(nameOrPath));
  const parsed = parseTemplateSource(source, name);
  if (!parsed.ok) throw new AppError('template_error', parsed.message);
  return { ref: { name: parsed.template.name, source }, name: parsed.template.name, step: parsed.template.step, intent: parsed.template.intent };
}

function loadRole(opts: ComposeOptions): MessageRole | null {
  let raw: Record<string, unknown> = {};
  if (opts.role) {
    if (!existsSync(opts.role)) throw new AppError('invalid_input', `--role: no file ${opts.role}`);
    try {
      raw = JSON.parse(readFileSync(opts.role, 'utf8')) as Record<string, unknown>;
    } catch (err) {
      throw new AppError('invalid_input', `--role ${opts.role} is not JSON: ${(err as Error).message}`);
    }
  }
  const flags = {
    ...(opts.roleTitle !== undefined ? { title: opts.roleTitle } : {}),
    ...(opts.roleCompany !== undefined ? { company: opts.roleCompany } : {}),
    ...(opts.roleSkills !== undefined ? { skills: opts.roleSkills.split(',').map((s) => s.trim()).filter(Boolean) } : {}),
    ...(opts.roleLocation !== undefined ? { location: opts.roleLocation } : {}),
    ...(opts.rolePitch !== undefined ? { pitch: opts.rolePitch } : {}),
  };
  const merged = { ...raw, ...flags };
  if (Object.keys(merged).length === 0) return null;
  const parsed = messageRoleSchema.safeParse(merged);
  if (!parsed.success) throw new AppError('invalid_input', `role: ${zodIssuesText(parsed.error.issues, 'role')} (a role needs --role-title and --role-company)`);
  return parsed.data;
}

function printHuman(batch: BatchComposeResult, header: string): void {
  console.log(header);
  for (const item of batch.items) {
    const r: ComposeResult = item.result;
    if (!r.ok) {
      console.log(`\n✗ ${item.candidate}: ${r.code}: ${r.message}`);
      continue;
    }
    const variant = r.variant ? ` [variant ${r.variant}]` : '';
    const subject = r.subject !== null ? `, subject ${r.subjectLength}/${r.limit.subject}` : '';
    console.log(`\n— ${item.candidate}: ${r.length}/${r.limit.body} characters${subject}, hooks: ${r.hooksUsed.join(', ') || 'none'}${variant}`);
    if (r.subject !== null) console.log(`  Subject: ${r.subject}`);
    for (const line of r.body.split('\n')) console.log(`  | ${line}`);
    const dropped = r.droppedSegments.filter((d) => d.reason === 'fit');
    if (dropped.length) console.log(`  auto-fit dropped: ${dropped.map((d) => d.name).join(', ')}`);
    for (const l of r.lint) console.log(`  ${l.severity === 'error' ? '!' : '~'} ${l.severity} ${l.code}: ${l.message}`);
  }
  for (const l of batch.batchLint) console.log(`\n~ batch ${l.severity} ${l.code}: ${l.message}`);
  const s = batch.summary;
  console.log(`\n${s.composed} of ${s.total} composed, ${s.failed} failed, ${s.withLintErrors} with lint errors, ${s.clean} clean${s.maxLength !== null ? `, longest ${s.maxLength}` : ''}`);
}

export function registerMessageCommands(program: Command): void {
  program
    .command('compose')
    .description('preview personalised messages (connection note, follow-up, InMail, email) with their lengths and lint')
    .requiredOption('--template <name|file>', `a default (${Object.keys(defaultTemplateSources).join(', ')}) or a .liquid file; repeat for A/B variants`, (v: string, acc: string[]) => [...acc, v], [] as string[])
    .requiredOption('--candidates <query|file>', 'a Boolean search query, or a file: JSON array / NDJSON of candidate ids or candidate objects')
    .option('--step <step>', `framework step (${messageSteps.join(', ')}); default: the template's`)
    .option('--seat <id>', "the sending seat (default: the workspace's first seat, else a paid seat)")
    .option('--free-seat', 'compose for a free LinkedIn account (200-character notes)')
    .option('--role <file>', 'role as JSON: {title, company, skills?, location?, pitch?}')
    .option('--role-title <title>', 'role title')
    .option('--role-company <company>', 'hiring company')
    .option('--role-skills <list>', 'comma-separated skills the role needs')
    .option('--role-location <location>', 'where the role is')
    .option('--role-pitch <text>', 'a sentence or two on why the role is worth a look')
    .option('--limit <n>', 'at most this many candidates from a search query', parseIntOption('limit'), 50)
    .option('--as-of <date>', 'today, YYYY-MM-DD (tenure milestones, recent moves)')
    .option('--llm', 'rewrite each message with the configured LLM (SCOUTLINE_LLM_BASE_URL, SCOUTLINE_LLM_MODEL); falls back to the template')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: ComposeOptions, cmd: Command) => {
        const templates = opts.template.map(loadTemplate);
        if (opts.step !== undefined && !isMessageStep(opts.step)) throw new AppError('invalid_input', `--step must be one of ${messageSteps.join(', ')}, got '${opts.step}'`);
        const step = (opts.step as MessageStep | undefined) ?? templates.find((t) => t.step)?.step ?? 'connection_note';
        if (opts.asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(opts.asOf)) throw new AppError('invalid_input', `--as-of expects YYYY-MM-DD, got '${opts.asOf}'`);
        if (opts.limit < 1 || opts.limit > 1000) throw new AppError('invalid_input', '--limit must be 1-1000');
        const role = loadRole(opts);
        const llm = opts.llm ? llmConfigFromEnv(process.env) : null;
        if (opts.llm && !llm) throw new AppError('invalid_input', '--llm needs SCOUTLINE_LLM_BASE_URL and SCOUTLINE_LLM_MODEL (and SCOUTLINE_LLM_API_KEY if the endpoint wants one)');

        await withStore(dbOption(cmd), async (store) => {
          const seat = await loadComposeSeat(store, defaultWorkspace, opts.seat);
          const composeSeat = opts.freeSeat ? { ...seat, paid: false } : seat;
          const candidates = existsSync(opts.candidates)
            ? await loadComposeCandidates(store, defaultWorkspace, parseCandidateList(readFileSync(opts.candidates, 'utf8'), opts.candidates))
            : await searchComposeCandidates(store, defaultWorkspace, opts.candidates, opts.limit);
          const variants: TemplateVariant[] | undefined = templates.length > 1 ? templates.map((t) => ({ key: t.name, template: t.ref })) : undefined;
          const privacyNoticeUrl = privacyNoticeUrlOf((await readWorkspaceSettings(store.db, defaultWorkspace)).privacy);
          const batch = composeBatch({ step, template: templates[0]!.ref, variants, seat: composeSeat, role, asOf: opts.asOf, candidates, privacyNoticeUrl });
          const rewrites: Array<unknown> = [];
          if (llm) {
            for (const item of batch.items) {
              const result = item.result;
              if (!result.ok) continue;
              const intent = templates.find((t) => t.name === result.template)?.intent ?? '';
              const out = await rewriteMessage({ message: result, intent, config: llm });
              item.result = out.message;
              rewrites.push({ candidate: item.candidate, ...out.rewrite });
            }
          }
          if (opts.json) printJson({ step, templates: templates.map((t) => t.name), seat: { name: composeSeat.name, paid: composeSeat.paid }, role, ...batch, ...(llm ? { rewrites } : {}) });
          else printHuman(batch, `${step} with ${templates.map((t) => t.name).join(' / ')} for ${candidates.length} candidates (${composeSeat.paid ? 'paid' : 'free'} seat '${composeSeat.name}')`);
          // a message that could not be composed is an error for scripts, after everything is shown
          const failure = batch.items.find((i) => !i.result.ok)?.result;
          if (failure && !failure.ok) process.exitCode = exitStatusFor(failure.code);
        });
      }),
    );

  const templates = program.command('templates').description('the default message templates (copy one to a .liquid file to adapt it)');
  templates
    .command('list')
    .description('list the default templates')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: { json?: boolean }) => {
        const list = Object.entries(defaultTemplateSources).map(([name, source]) => {
          const parsed = parseTemplateSource(source, name) as { ok: true; template: { step: string | null; intent: string } };
          return { name, step: parsed.template.step, intent: parsed.template.intent };
        });
        if (opts.json) return printJson(list);
        for (const t of list) console.log(`${t.name.padEnd(16)} ${String(t.step).padEnd(16)} ${t.intent}`);
      }),
    );
  templates
    .command('show <name>')
    .description('print a default template source')
    .action(
      action(async (name: string) => {
        if (!isDefaultTemplateName(name)) throw new AppError('not_found', `no default template '${name}' (known: ${Object.keys(defaultTemplateSources).join(', ')})`);
        process.stdout.write(defaultTemplateSources[name]);
      }),
    );
}
