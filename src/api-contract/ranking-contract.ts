// The ranking routes' definitions move here from src/api/routes/ranking-routes.ts (#15 item 5).
export {};
