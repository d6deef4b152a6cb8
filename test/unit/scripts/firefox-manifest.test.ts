import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import manifest from '../../../manifest.json' with { type: 'json' };
import { chromeExtensionId, extensionRedirectUris, GECKO_ID } from '../../../scripts/extension-identity';
import { firefoxManifest } from '../../../scripts/firefox-manifest';

describe('the Firefox manifest, derived from manifest.json', () => {
  const firefox = firefoxManifest(manifest);

  it('has an event page instead of a service worker', () => {
    expect(firefox.background).toEqual({ scripts: [manifest.background.service_worker], type: 'module' });
  });

  it('has the fixed gecko id, min version ≥ 142 and the data-collection declaration', () => {
    expect(firefox.browser_specific_settings).toEqual({
      gecko: { id: GECKO_ID, strict_min_version: '142.0', data_collection_permissions: { required: ['none'] } },
    });
  });

  it('drops what only Chrome understands and keeps the rest as it is', () => {
    expect(firefox).not.toHaveProperty('key');
    expect(firefox).not.toHaveProperty('minimum_chrome_version');
    expect(firefox).not.toHaveProperty('side_panel');
    expect(firefox.permissions).toEqual(manifest.permissions.filter((p) => p !== 'sidePanel'));
    expect(firefox.optional_host_permissions).toEqual(manifest.optional_host_permissions);
  });

  it("serves Chrome's side panel page as Firefox's sidebar", () => {
    expect(manifest.side_panel.default_path).toBe(manifest.action.default_popup);
    expect(firefox.sidebar_action).toEqual({ default_panel: manifest.side_panel.default_path, default_title: 'OAuth Lens', open_at_install: false });
  });

  it('adds what Firefox needs to read response bodies, as optional like webRequest itself', () => {
    expect(manifest.optional_permissions).toEqual(['webRequest']);
    expect(firefox.optional_permissions).toEqual(['webRequest', 'webRequestBlocking', 'webRequestFilterResponse']);
    expect(firefox.permissions).not.toContain('webRequest');
  });
});

describe('the extension’s identity', () => {
  it('asks for no host permission at install', () => {
    expect(manifest).not.toHaveProperty('host_permissions');
    // declarativeNetRequestWithHostAccess gives no host of its own, and shows no install warning; nor does sidePanel.
    expect(manifest.permissions).toEqual(['identity', 'storage', 'declarativeNetRequestWithHostAccess', 'sidePanel']);
  });

  it('derives the Chrome id from the public key in manifest.json (32 letters a–p)', () => {
    expect(chromeExtensionId()).toMatch(/^[a-p]{32}$/);
    expect(chromeExtensionId(Buffer.from('another key').toString('base64'))).not.toBe(chromeExtensionId());
    // The e2e suite checks that Chromium really gives the built extension this id.
  });

  it('gives the redirect URIs the README states', async () => {
    const readme = await readFile(new URL('../../../README.md', import.meta.url), 'utf8');
    const { chrome, firefox } = extensionRedirectUris();
    expect(readme).toContain(chrome);
    expect(readme).toContain(firefox);
  });
});
