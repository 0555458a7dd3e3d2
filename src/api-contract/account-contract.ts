// The account routes' definitions move here from src/api/routes/account-routes.ts (#15 item 5).
export {};
