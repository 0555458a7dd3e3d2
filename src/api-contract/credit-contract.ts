// The credit routes' definitions move here from src/api/routes/credit-routes.ts (#15 item 5).
export {};
