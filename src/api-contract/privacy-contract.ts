// The privacy routes' definitions move here from src/api/routes/privacy-routes.ts (#15 item 5).
export {};
