// The backup routes' definitions move here from src/api/routes/backup-routes.ts (#15 item 5).
export {};
