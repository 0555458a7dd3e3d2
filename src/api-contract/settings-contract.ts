// The settings routes' definitions move here from src/api/routes/settings-routes.ts (#15 item 5).
export {};
