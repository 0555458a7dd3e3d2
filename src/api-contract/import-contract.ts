// The import routes' definitions move here from src/api/routes/import-routes.ts (#15 item 5).
export {};
