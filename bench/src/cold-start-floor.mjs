// The floor of any web-standard Lambda handler on Node: builds the Request the event describes and answers an
// empty JSON Response, nothing else. Loaded by cold-start-child.mjs like an artifact, so the bench can say how
// much of a cold start is Node's own fetch classes (undici, loaded on first use) and how much is the app.
export async function handler(event) {
  const url = `https://${event.headers.host}${event.rawPath}${event.rawQueryString ? `?${event.rawQueryString}` : ''}`;
  const request = new Request(url, { method: event.requestContext.http.method, headers: event.headers });
  const response = new Response(JSON.stringify({ path: new URL(request.url).pathname }), {
    headers: { 'content-type': 'application/json' },
  });
  return { statusCode: response.status, headers: Object.fromEntries(response.headers), body: await response.text() };
}
