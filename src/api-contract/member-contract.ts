// The member routes' definitions move here from src/api/routes/member-routes.ts (#15 item 5).
export {};
