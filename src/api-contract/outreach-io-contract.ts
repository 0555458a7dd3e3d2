// The outreach-io routes' definitions move here from src/api/routes/outreach-io-routes.ts (#15 item 5).
export {};
