/** Tables owned by src/messages (filled in by the messages work). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface MessageTables {}
