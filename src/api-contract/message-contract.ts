// The message routes' definitions move here from src/api/routes/message-routes.ts (#15 item 5).
export {};
