// The outreach routes' definitions move here from src/api/routes/outreach-routes.ts (#15 item 5).
export {};
