// The token routes' definitions move here from src/api/routes/token-routes.ts (#15 item 5).
export {};
