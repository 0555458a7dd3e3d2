// The candidate routes' definitions move here from src/api/routes/candidate-routes.ts (#15 item 5).
export {};
