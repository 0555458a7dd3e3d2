/** One page of matching candidate ids, best first, and how many match in all. */
export interface SearchPage {
  total: number;
  hits: SearchHit[];
}

export interface SearchHit {
  id: number;
  /** relevance, higher is better; comparable only within one result list */
  score: number;
}

export interface PageOptions {
  workspaceId: string;
  limit: number;
  offset: number;
}
