import type { Store } from '../../../db/open-database.ts';

/**
 * The replay store of the signed inbound webhook (issue #14): the signature
 * of every delivery accepted, per workspace, kept until its timestamp leaves
 * the replay window (`outreach_webhook_replays`, migration 0014). The
 * signature covers the timestamp and the exact body, so a second delivery of
 * the same signed request is recognised whatever its order or timing, and
 * a row can go once the timestamp alone would refuse the request. Expired
 * rows are pruned on every claim.
 */
export type DeliveryClaim = { ok: true } | { ok: false; receivedAt: string };

/**
 * Claims a verified delivery: the first claim of (workspace, signature)
 * wins; a later one gets the time the first arrived. Atomic on both
 * backends (primary key, insert-or-nothing).
 */
export async function claimWebhookDelivery(
  store: Pick<Store, 'db'>,
  input: { workspaceId: string; signature: string; timestampSeconds: number; replayWindowSeconds: number; now: Date },
): Promise<DeliveryClaim> {
  const nowIso = input.now.toISOString();
  await store.db.deleteFrom('outreach_webhook_replays').where('expires_at', '<', nowIso).execute();
  const signature = input.signature.trim();
  // the request is refused as stale once now > timestamp + window (also for a timestamp a little ahead of the clock): the row is needed until then
  const expiresAt = new Date((input.timestampSeconds + input.replayWindowSeconds + 1) * 1000).toISOString();
  const inserted = await store.db
    .insertInto('outreach_webhook_replays')
    .values({ workspace_id: input.workspaceId, signature, received_at: nowIso, expires_at: expiresAt })
    .onConflict((oc) => oc.columns(['workspace_id', 'signature']).doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) return { ok: true };
  const first = await store.db.selectFrom('outreach_webhook_replays').select('received_at').where('workspace_id', '=', input.workspaceId).where('signature', '=', signature).executeTakeFirst();
  return { ok: false, receivedAt: first?.received_at ?? nowIso };
}

/** Gives a claim back: the delivery was not answered 200 (bad body, storage failure), so the sender's retry of it must be accepted. */
export async function releaseWebhookDelivery(store: Pick<Store, 'db'>, workspaceId: string, signature: string): Promise<void> {
  await store.db.deleteFrom('outreach_webhook_replays').where('workspace_id', '=', workspaceId).where('signature', '=', signature.trim()).execute();
}
