// The audit routes' definitions move here from src/api/routes/audit-routes.ts (#15 item 5).
export {};
