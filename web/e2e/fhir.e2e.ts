// A GP practice's HIS walks a whole consult through /fhir/R4 with a FHIR client (fhir-kit-client):
// the administrator registers it as an API client of Huisartsenpraktijk Kralingen acting for
// huisarts.devries; it trades a signed assertion for a token, sends the consult as a transaction
// Bundle and reads it back; the specialist claims it in the app and asks for information, which
// the HIS answers with a Communication; the specialist advises, and the HIS reads the advice and
// closes the Task with its outcome. Then what must be refused is. Every resource the server
// returns, and every one the HIS sends, is validated against the FHIR R4 definitions.
import { randomUUID } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Client from 'fhir-kit-client';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiToken } from './support/api';
import { logIn, visible } from './support/app';
import { pdfText } from './support/pdf';
import {
  clientAssertion, expectValidFhir as validFhir, newClientKeys, registerApiClient, requestToken, tokenUrl,
  type ClientKeys, type FhirResource,
} from './support/fhir';
import type { TestServer } from './support/server.mjs';
import { useServerAndBrowser } from './support/suite';

const suite = useServerAndBrowser();

const kCodeSystem = 'https://meekijk.nl/fhir/CodeSystem/';
const kExtension = 'https://meekijk.nl/fhir/StructureDefinition/';
const kPractice = 'Huisartsenpraktijk Kralingen';
const kScopes = [
  'system/Task.crus', 'system/ServiceRequest.crs', 'system/Patient.rs', 'system/Communication.crs',
  'system/QuestionnaireResponse.r', 'system/Organization.r', 'system/Practitioner.r',
  'system/PractitionerRole.s', 'system/Bundle.r',
];
const kTexts = {
  question: 'Nummulair eczeem onderbenen: eerst behandelen of plakproeven?',
  summary: 'Sinds 6 weken muntvormige jeukende plekken op beide onderbenen, geen atopie.',
  infoRequest: 'Welke middelen zijn al gebruikt, en hoe lang?',
  reply: 'Alleen een indifferente crème, drie weken, zonder effect.',
  advice: 'Behandel eerst met een klasse 3 corticosteroïd, vier weken; daarna afbouwen. Geen plakproeven nodig.',
  pool: 'Pool', claim: 'Oppakken', claimed: 'In behandeling', infoLabel: 'Welke informatie heeft u nodig?',
  askInfo: 'Informatie vragen', infoAsked: 'Informatie gevraagd', recommendation: 'Aanbeveling',
  primaryCare: 'Behandelen in de eerste lijn', adviceLabel: 'Uw advies', sendAdvice: 'Advies versturen',
  answered: 'Beantwoord',
} as const;

// FHIR JSON as the tests read it.
type Json = Record<string, any>;
type ResourceJson = Json & { resourceType: string };

/** `resource`, once it has been validated against the FHIR R4 definitions. */
function expectValidFhir(resource: unknown, what?: string): ResourceJson {
  return validFhir(resource as FhirResource, what);
}

/** What the walk through the consult learns and later steps use. */
const walk = {
  clientId: '', keys: undefined as ClientKeys | undefined, token: '', practiceId: 0, gpId: 0,
  taskId: '', number: '', staleVersion: '', specialist: undefined as Page | undefined,
};

function his(token = walk.token): Client {
  return new Client({ baseUrl: `${suite.server.url}/fhir/R4`, customHeaders: { Authorization: `Bearer ${token}` } });
}

async function adminGet(server: TestServer, token: string, path: string): Promise<Json> {
  const response = await fetch(`${server.url}${path}`, { headers: { Authorization: `Bearer ${token}` } });
  expect(response.status, `GET ${path}`).toBe(200);
  return (await response.json()) as Json;
}

/** The status and body of the refusal fhir-kit-client throws for an answer other than 2xx. */
async function refusal(call: Promise<unknown>): Promise<{ status: number; data: FhirResource }> {
  try {
    await call;
  } catch (error) {
    const response = (error as { response?: { status: number; data: FhirResource } }).response;
    if (response) return response;
    throw error;
  }
  throw new Error('the server accepted what it should have refused');
}

/** A refusal as an OperationOutcome: valid, with `status` and the issue code `code`. */
async function expectOutcome(call: Promise<unknown>, status: number, code: string) {
  const { status: actual, data } = await refusal(call);
  expect(actual).toBe(status);
  expectValidFhir(data);
  expect(data.resourceType).toBe('OperationOutcome');
  expect((data.issue as Json[])[0]?.code).toBe(code);
}

function coding(system: string, code: string) {
  return { coding: [{ system: kCodeSystem + system, code }] };
}

/** The code of `concept` in our code system `system`. */
function codeIn(concept: Json | undefined, system: string): string | undefined {
  return (concept?.coding as Json[] | undefined)?.find((c) => c.system === kCodeSystem + system)?.code;
}

function outputOf(task: Json, type: string): Json | undefined {
  return (task.output as Json[] | undefined)?.find((output) => codeIn(output.type, 'task-output') === type);
}

/** A dermatology consult as the HIS sends it: Patient, ServiceRequest, template answers and Task. */
function consultBundle(): FhirResource {
  const [patient, request, answers, task] = Array.from({ length: 4 }, () => `urn:uuid:${randomUUID()}`);
  const entry = (fullUrl: string | undefined, resource: FhirResource) =>
    ({ fullUrl, resource, request: { method: 'POST', url: resource.resourceType } });
  return {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: [
      entry(patient, { resourceType: 'Patient', birthDate: '1979', gender: 'female' }),
      entry(request, {
        resourceType: 'ServiceRequest', status: 'active', intent: 'order', subject: { reference: patient },
        performerType: coding('specialty', 'dermatologie'), category: [coding('consult-mode', 'digital')],
        code: { text: kTexts.question }, note: [{ text: kTexts.summary }],
        reasonCode: [{ coding: [{ system: 'http://hl7.org/fhir/sid/icpc-1-nl', code: 'S88' }] }],
        extension: [
          { url: `${kExtension}patient-consent`, valueBoolean: true },
          { url: `${kExtension}intended-referral`, valueBoolean: true },
        ],
      }),
      entry(answers, {
        resourceType: 'QuestionnaireResponse', status: 'completed', subject: { reference: patient },
        basedOn: [{ reference: request }],
        item: [
          { linkId: 'duur_weken', answer: [{ valueDecimal: 6 }] },
          { linkId: 'locatie', answer: [{ valueString: 'Benen of voeten' }] },
          { linkId: 'jeuk', answer: [{ valueBoolean: true }] },
        ],
      }),
      entry(task, {
        resourceType: 'Task', status: 'requested', intent: 'order', focus: { reference: request }, for: { reference: patient },
      }),
    ],
  };
}

async function readTask(): Promise<Json> {
  return expectValidFhir(await his().read({ resourceType: 'Task', id: walk.taskId }));
}

/** The consult's thread, each Communication validated with the searchset that holds it. */
async function thread(): Promise<Json[]> {
  const bundle = expectValidFhir(await his().search({ resourceType: 'Communication', searchParams: { 'part-of': `Task/${walk.taskId}` } }));
  return ((bundle.entry ?? []) as Json[]).map((entry) => entry.resource as Json);
}

function newAssertion(overrides: { jti?: string; expiresIn?: number } = {}) {
  return clientAssertion(walk.keys!.privateKey, { clientId: walk.clientId, audience: tokenUrl(suite.server), ...overrides });
}

describe('a GP practice\'s HIS on /fhir/R4', () => {
  it('is registered by the administrator, finds the token endpoint and trades a signed assertion for a token', async () => {
    const server = suite.server;
    const admin = await apiToken(server, 'admin');
    const users = (await adminGet(server, admin, '/api/v1/users')).items as Json[];
    const organisations = (await adminGet(server, admin, '/api/v1/organisations')).items as Json[];
    walk.gpId = users.find((user) => user.username === 'huisarts.devries')!.id as number;
    walk.practiceId = organisations.find((organisation) => organisation.name === kPractice)!.id as number;

    walk.keys = await newClientKeys();
    const registered = await registerApiClient(server, admin, {
      name: 'HIS Kralingen (e2e)', organisation_id: walk.practiceId, user_id: walk.gpId,
      scopes: kScopes.join(' '), public_key: walk.keys.publicKeyPem,
    });
    walk.clientId = registered.client_id;
    expect(registered.scopes).toEqual(kScopes);
    // The registration names the token endpoint by its path; the assertion's audience is the full address.
    expect(registered.token_url).toBe(tokenUrl(server));  // absolute: the assertion's audience

    // Discovery as a SMART client does it: the smart-configuration, and the CapabilityStatement's
    // oauth-uris. (Not with smartAuthMetadata(): fhir-kit-client 1.9 races three requests with a
    // polyfilled AbortSignal that Node's own fetch cannot take, and fails now and then.)
    const anonymous = new Client({ baseUrl: `${server.url}/fhir/R4` });
    const smart = (await anonymous.request('.well-known/smart-configuration')) as Json;
    expect(smart.token_endpoint).toBe(tokenUrl(server));
    expect(smart.token_endpoint_auth_methods_supported).toContain('private_key_jwt');
    const capabilities = expectValidFhir(await anonymous.capabilityStatement());
    expect(capabilities.fhirVersion).toBe('4.0.1');
    const oauth = (capabilities.rest[0].security.extension as Json[]).find((e) => e.url.endsWith('/oauth-uris'));
    expect(oauth?.extension).toContainEqual({ url: 'token', valueUri: tokenUrl(server) });
    const task = (capabilities.rest[0].resource as Json[]).find((resource) => resource.type === 'Task');
    expect(task?.interaction.map((i: Json) => i.code)).toEqual(expect.arrayContaining(['read', 'search-type', 'update']));

    const { status, body } = await requestToken(server, await newAssertion());
    expect(status).toBe(200);
    expect(body).toMatchObject({ token_type: 'bearer', expires_in: 300 });
    expect(body.scope?.split(' ')).toEqual(kScopes);
    walk.token = body.access_token!;
  });

  it('sends a consult as a transaction Bundle and reads back every resource, the patient pseudonymised', async () => {
    const before = new Date(Date.now() - 60_000).toISOString();
    const bundle = expectValidFhir(consultBundle(), 'the transaction the HIS sends');
    const answer = expectValidFhir(await his().transaction({ body: bundle as FhirResource & { type: 'transaction' } }));
    expect(answer.type).toBe('transaction-response');
    const locations = (answer.entry as Json[]).map((entry) => entry.response.location as string);
    const taskLocation = /^Task\/(\d+)\/_history\/1$/.exec(locations.find((l) => l.startsWith('Task/')) ?? '');
    expect(taskLocation).not.toBeNull();
    const id = taskLocation![1]!;
    walk.taskId = id;
    expect([...locations].sort()).toEqual(
      ['Patient', 'QuestionnaireResponse', 'ServiceRequest', 'Task'].map((type) => `${type}/${id}/_history/1`));

    const task = await readTask();
    expect(task).toMatchObject({ status: 'requested', intent: 'order', focus: { reference: `ServiceRequest/${id}` } });
    expect(codeIn(task.businessStatus, 'consult-status')).toBe('sent');
    expect(task.requester.reference).toBe(`Practitioner/${walk.gpId}`);
    walk.number = task.identifier[0].value;
    expect(walk.number).toMatch(/^MK-\d{4}-\d+$/);

    const request = expectValidFhir(await his().read({ resourceType: 'ServiceRequest', id }));
    expect(request).toMatchObject({
      status: 'active', intent: 'order', subject: { reference: `Patient/${id}` }, code: { text: kTexts.question },
    });
    expect(codeIn(request.performerType, 'specialty')).toBe('dermatologie');
    expect(request.reasonCode[0].coding[0].code).toBe('S88');
    expect(request.note[0].text).toBe(kTexts.summary);
    expect(request.extension).toEqual(expect.arrayContaining([{ url: `${kExtension}patient-consent`, valueBoolean: true }]));

    const patient = expectValidFhir(await his().read({ resourceType: 'Patient', id }));
    expect(Object.keys(patient).sort()).toEqual(['birthDate', 'gender', 'id', 'meta', 'resourceType']);
    expect(patient).toMatchObject({ birthDate: '1979', gender: 'female' });

    const answers = expectValidFhir(await his().read({ resourceType: 'QuestionnaireResponse', id }));
    expect((answers.item as Json[]).map((item) => [item.linkId, item.answer[0]])).toEqual([
      ['duur_weken', { valueDecimal: 6 }], ['locatie', { valueString: 'Benen of voeten' }], ['jeuk', { valueBoolean: true }],
    ]);

    // Who is who: the GP, the practice and the GP's roles.
    const gp = expectValidFhir(await his().read({ resourceType: 'Practitioner', id: String(walk.gpId) }));
    expect(gp.name[0].text).toBe('Dr. Anna de Vries');
    const practice = expectValidFhir(await his().read({ resourceType: 'Organization', id: String(walk.practiceId) }));
    expect(practice.name).toBe(kPractice);
    const roles = expectValidFhir(await his().search({
      resourceType: 'PractitionerRole', searchParams: { practitioner: `Practitioner/${walk.gpId}` },
    }));
    expect((roles.entry as Json[]).map((entry) => entry.resource.organization.reference)).toContain(`Organization/${walk.practiceId}`);

    const sent = expectValidFhir(await his().search({
      resourceType: 'Task', searchParams: { status: 'requested', _lastUpdated: `gt${before}` },
    }));
    expect(((sent.entry ?? []) as Json[]).map((entry) => entry.resource.id)).toContain(id);
    const bySubject = expectValidFhir(await his().search({ resourceType: 'ServiceRequest', searchParams: { subject: `Patient/${id}` } }));
    expect((bySubject.entry as Json[]).map((entry) => entry.resource.id)).toEqual([id]);
  });

  it('is claimed by the specialist in the app, who asks for information', async () => {
    const page = await suite.newPage();
    walk.specialist = page;
    await logIn(page, suite.server, 'specialist.smit');
    await visible(page.getByRole('heading', { name: kTexts.pool, level: 1 }));
    await page.getByRole('link', { name: walk.number }).click();
    await page.getByRole('button', { name: kTexts.claim }).click();
    await visible(page.locator('.mk-status', { hasText: kTexts.claimed }));
    await page.getByLabel(kTexts.infoLabel).fill(kTexts.infoRequest);
    await page.getByRole('button', { name: kTexts.askInfo }).click();
    await visible(page.locator('.mk-status', { hasText: kTexts.infoAsked }));
  });

  it('finds the Task on hold, reads the question in the thread and answers it with a Communication', async () => {
    const task = await readTask();
    expect(task.status).toBe('on-hold');
    expect(codeIn(task.businessStatus, 'consult-status')).toBe('info_requested');
    expect(task.owner.reference).toMatch(/^Practitioner\/\d+$/);
    walk.staleVersion = task.meta.versionId;

    const question = (await thread()).find((c) => codeIn(c.category[0], 'message-kind') === 'info_request');
    expect(question?.payload[0].contentString).toBe(kTexts.infoRequest);
    const read = expectValidFhir(await his().read({ resourceType: 'Communication', id: question!.id }));
    expect(read).toEqual(question);

    const reply = expectValidFhir({
      resourceType: 'Communication', status: 'completed', partOf: [{ reference: `Task/${walk.taskId}` }],
      category: [coding('message-kind', 'reply')], payload: [{ contentString: kTexts.reply }],
    }, 'the reply the HIS sends');
    const created = expectValidFhir(await his().create({ resourceType: 'Communication', body: reply }));
    const { response } = Client.httpFor(created);
    expect(response.status).toBe(201);
    expect(response.headers.get('location')).toBe(`${suite.server.url}/fhir/R4/Communication/${created.id}`);
    expect(codeIn(created.category[0], 'message-kind')).toBe('reply');
    expect(created.payload[0].contentString).toBe(kTexts.reply);
    expect(created.inResponseTo).toEqual([{ reference: `Communication/${question!.id}` }]);

    expect((await readTask()).status).toBe('accepted');
  });

  it('is advised by the specialist in the app', async () => {
    const page = walk.specialist!;
    // The reply arrives through the change poller, without a reload.
    await visible(page.getByText(kTexts.reply), 15_000);
    await page.getByRole('radiogroup', { name: kTexts.recommendation }).getByLabel(kTexts.primaryCare).check();
    await page.getByLabel(kTexts.adviceLabel).fill(kTexts.advice);
    await page.getByRole('button', { name: kTexts.sendAdvice }).click();
    await visible(page.locator('.mk-status', { hasText: kTexts.answered }));
    await page.context().close();
  });

  it('reads the advice and closes the Task with its outcome', async () => {
    const task = await readTask();
    expect(task.status).toBe('in-progress');
    expect(codeIn(task.businessStatus, 'consult-status')).toBe('answered');
    expect(codeIn(outputOf(task, 'recommendation')?.valueCodeableConcept, 'recommendation')).toBe('primary_care');
    expect(outputOf(task, 'advice')?.valueString).toBe(kTexts.advice);

    const messages = await thread();
    expect(messages.map((c) => codeIn(c.category[0], 'message-kind'))).toEqual(['info_request', 'reply', 'advice']);
    const advice = messages[2]!;
    expect(advice.payload[0].contentString).toBe(kTexts.advice);
    expect(codeIn(advice.reasonCode[0], 'recommendation')).toBe('primary_care');
    for (const message of messages) {
      expect(expectValidFhir(await his().read({ resourceType: 'Communication', id: message.id }))).toEqual(message);
    }

    const closing = expectValidFhir({
      ...task,
      status: 'completed',
      output: [
        ...task.output,
        { type: coding('task-output', 'outcome'), valueCodeableConcept: coding('outcome', 'primary_care') },
        { type: coding('task-output', 'learned'), valueBoolean: true },
        { type: coding('task-output', 'rating'), valueInteger: 4 },
      ],
    }, 'the closing Task the HIS sends');
    const update = (version: string) => his().update({
      resourceType: 'Task', id: walk.taskId, body: closing, options: { headers: { 'If-Match': `W/"${version}"` } },
    });
    await expectOutcome(update(walk.staleVersion), 412, 'conflict');
    const closed = expectValidFhir(await update(task.meta.versionId));
    expect(closed.status).toBe('completed');

    const read = await readTask();
    expect(read.status).toBe('completed');
    expect(codeIn(read.businessStatus, 'consult-status')).toBe('closed');
    expect(codeIn(outputOf(read, 'outcome')?.valueCodeableConcept, 'outcome')).toBe('primary_care');
    expect(outputOf(read, 'learned')?.valueBoolean).toBe(true);
    expect(outputOf(read, 'rating')?.valueInteger).toBe(4);
    const request = expectValidFhir(await his().read({ resourceType: 'ServiceRequest', id: walk.taskId }));
    expect(request.status).toBe('completed');

    // The copy for the record: the whole course as a Bundle, with the PDF for the patient's file.
    const copy = expectValidFhir(await his().request(`Task/${walk.taskId}/$record-copy`));
    expect(copy.type).toBe('collection');
    const document = copy.entry.map((e: { resource: { resourceType: string } }) => e.resource)
      .find((r: { resourceType: string }) => r.resourceType === 'DocumentReference');
    const attachment = document.content[0].attachment;
    expect(attachment.contentType).toBe('application/pdf');
    const file = path.join(tmpdir(), `record-${randomUUID()}.pdf`);
    await writeFile(file, Buffer.from(attachment.data, 'base64'));
    const text = (await pdfText(file)).replace(/\s+/g, ' ');
    await rm(file);
    expect(text).toContain('Behandel eerst met een klasse 3');
    expect(text).toContain(kTexts.question.slice(0, 20));
  });

  it('refuses bad or replayed assertions and scopes it was not given', async () => {
    const server = suite.server;
    const tokenRefusal = async (assertion: string, why: string, scope?: string, grantType?: string) => {
      const { status, body } = await requestToken(server, assertion, scope, grantType);
      return { why, status, error: body.error };
    };
    const refusedClient = (why: string) => ({ why, status: 401, error: 'invalid_client' });

    const good = await newAssertion();
    const [header, payload, signature] = good.split('.') as [string, string, string];
    const middle = Math.floor(signature.length / 2);
    const changed = signature[middle] === 'A' ? 'B' : 'A';
    const tampered = `${header}.${payload}.${signature.slice(0, middle)}${changed}${signature.slice(middle + 1)}`;
    expect(await tokenRefusal(tampered, 'tampered')).toEqual(refusedClient('tampered'));
    expect(await tokenRefusal(await newAssertion({ expiresIn: -60 }), 'expired')).toEqual(refusedClient('expired'));
    expect(await tokenRefusal(await newAssertion({ expiresIn: 3600 }), 'an hour')).toEqual(refusedClient('an hour'));
    const otherKey = (await newClientKeys()).privateKey;
    const foreign = await clientAssertion(otherKey, { clientId: walk.clientId, audience: tokenUrl(server) });
    expect(await tokenRefusal(foreign, 'another key')).toEqual(refusedClient('another key'));
    const elsewhere = await clientAssertion(walk.keys!.privateKey, {
      clientId: walk.clientId, audience: 'https://meekijk.example/fhir/R4/auth/token',
    });
    expect(await tokenRefusal(elsewhere, 'another audience')).toEqual(refusedClient('another audience'));

    // The same assertion twice: its jti is spent by the first.
    const once = await newAssertion();
    expect((await requestToken(server, once)).status).toBe(200);
    expect(await tokenRefusal(once, 'replayed')).toEqual(refusedClient('replayed'));

    expect(await tokenRefusal(await newAssertion(), 'grant', undefined, 'password'))
      .toEqual({ why: 'grant', status: 400, error: 'unsupported_grant_type' });
    expect(await tokenRefusal(await newAssertion(), 'scope', 'system/Binary.r'))
      .toEqual({ why: 'scope', status: 400, error: 'invalid_scope' });

    // A token asked for with less than the client was given: no Communication.c.
    const narrow = await requestToken(server, await newAssertion(), 'system/Task.rs system/Communication.rs');
    expect(narrow.status).toBe(200);
    expect(narrow.body.scope).toBe('system/Task.rs system/Communication.rs');
    const readOnly = his(narrow.body.access_token);
    expectValidFhir(await readOnly.read({ resourceType: 'Task', id: walk.taskId }));
    await expectOutcome(readOnly.create({
      resourceType: 'Communication',
      body: { resourceType: 'Communication', status: 'completed', partOf: [{ reference: `Task/${walk.taskId}` }],
        category: [coding('message-kind', 'question')], payload: [{ contentString: 'Mag dit?' }] },
    }), 403, 'forbidden');
  });

  it('takes a GP\'s session on /fhir/R4, keeps an API client\'s token off /api/v1 and hides another practice\'s consult', async () => {
    const server = suite.server;
    const session = await apiToken(server, 'huisarts.devries');
    const task = expectValidFhir(await his(session).read({ resourceType: 'Task', id: walk.taskId }));
    expect(task.status).toBe('completed');

    const rest = await fetch(`${server.url}/api/v1/consults`, { headers: { Authorization: `Bearer ${walk.token}` } });
    expect(rest.status).toBe(401);

    // A consult of Gezondheidscentrum Zuidplein, sent by its own GP through the REST API.
    const bakker = await apiToken(server, 'huisarts.bakker');
    const created = await fetch(`${server.url}/api/v1/consults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${bakker}` },
      body: JSON.stringify({
        specialty: 'dermatologie', mode: 'digital', patient: { birth_year: 1955, sex: 'male' }, icpc: 'S80',
        question: 'Actinische keratose voorhoofd: cryo of crème?', clinical_summary: 'Ruwe plekjes sinds een jaar.',
        intended_referral: false, consent: true, send: true,
      }),
    });
    expect(created.status).toBe(201);
    const other = String(((await created.json()) as Json).id);
    for (const resourceType of ['Task', 'ServiceRequest', 'Patient']) {
      await expectOutcome(his().read({ resourceType, id: other }), 404, 'not-found');
    }
    await expectOutcome(his().update({
      resourceType: 'Task', id: other, body: { resourceType: 'Task', id: other, status: 'cancelled', intent: 'order' },
    }), 404, 'not-found');
    const sent = expectValidFhir(await his().search({ resourceType: 'Task', searchParams: { status: 'requested' } }));
    expect(((sent.entry ?? []) as Json[]).map((entry) => entry.resource.id)).not.toContain(other);
    const search = expectValidFhir(await his().search({ resourceType: 'Communication', searchParams: { 'part-of': `Task/${other}` } }));
    expect(search.entry ?? []).toEqual([]);
  });
});
