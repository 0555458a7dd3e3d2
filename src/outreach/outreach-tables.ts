/** Tables owned by src/outreach (filled in by the outreach work). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface OutreachTables {}
