// The campaign-candidate routes' definitions move here from src/api/routes/campaign-candidate-routes.ts (#15 item 5).
export {};
