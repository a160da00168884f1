/** Settings shared by `npm run dev` and `npm run screenshot`. */
export const DEV_N8N_PORT = Number(process.env.N8N_DEV_PORT ?? 5678);
export const DEV_EDITOR_URL = `http://localhost:${DEV_N8N_PORT}`;

/** Local-only sign-in for the dev editor; n8n creates this owner from its environment on start. */
export const DEV_OWNER = { email: 'owner@example.com', password: 'Sandbox-Owner-1' };
