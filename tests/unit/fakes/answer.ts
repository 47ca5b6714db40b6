// One request to a CRM fake as a connector sends it, and its answer read back: shared by the
// fakes' tests, which differ only in how each CRM wants its credential.

export interface Answer {
  status: number;
  headers: Headers;
  /** The JSON answer; {} when there is none (a 204). */
  body: Record<string, unknown>;
}

/** Sends `body` as JSON (a string as it is, to send what is not JSON) and reads the answer. */
export async function sendJson(
  url: string | URL,
  method: string,
  credential: Record<string, string>,
  body?: unknown,
): Promise<Answer> {
  const response = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', ...credential },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
  };
}
