// The analytics routes' definitions move here from src/api/routes/analytics-routes.ts (#15 item 5).
export {};
