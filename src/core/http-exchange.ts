/** One HTTP request and what came back: what the flow runner records and the explainer reads. */
export type HttpRequest = { method: string; url: string; headers?: Record<string, string>; body?: string };
export type HttpResponse = { status: number; headers: Record<string, string>; body: string };
export type HttpExchange = { request?: HttpRequest; response: HttpResponse };
