import { describe, expect, it } from 'vitest';
import { extractGitHubProfile } from '../../../lib/extract/github';
import { page } from './fixtures';

const card = (details: string, type = 'http://schema.org/Person') => `
  <main><div class="h-card" itemscope itemtype="${type}">
    <h1 class="vcard-names"><span class="p-name" itemprop="name">Ada Octo</span> <span class="p-nickname">octo-ada</span></h1>
    <ul class="vcard-details">${details}</ul>
  </div></main>`;
const at = (url: string, html: string) => extractGitHubProfile(page(html, { url }), url);

describe('extractGitHubProfile', () => {
  it.each([
    'https://github.com/octo-ada',
    'https://github.com/octo-ada/',
    'https://github.com/octo-ada?tab=repositories',
    'https://www.github.com/octo-ada#x',
  ])('accepts the user page %s', (url) => {
    expect(at(url, card(''))?.githubLogin).toBe('octo-ada');
  });

  it.each([
    'https://github.com/octo-ada/heed-demo',
    'https://github.com/octo-ada/heed-demo/issues/1',
    'https://github.com/settings',
    'https://github.com/orgs/acme',
    'https://github.com/topics',
    'https://github.com/explore',
    'https://github.com/marketplace',
    'https://github.com/-bad-',
    'https://github.com/',
    'https://gist.github.com/octo-ada',
    'https://github.com.evil.example/octo-ada',
    'http://github.com/octo-ada',
  ])('refuses %s', (url) => {
    expect(at(url, card(''))).toBeNull();
  });

  it('refuses an organisation page and a page without a Person card', () => {
    expect(at('https://github.com/acme', card('', 'http://schema.org/Organization'))).toBeNull();
    expect(at('https://github.com/acme', '<main><h1>acme</h1></main>')).toBeNull();
  });

  it('reads only visible details, and the email only from the email item', () => {
    const p = at(
      'https://github.com/octo-ada',
      card(`
        <li itemprop="homeLocation"><span class="p-label">Berlin, Germany</span></li>
        <li itemprop="email" style="display:none"><a href="mailto:hidden@x.example">hidden@x.example</a></li>
        <li itemprop="email"><a href="mailto:ada@adaworks.example">ada@adaworks.example</a></li>
        <li itemprop="social"><a href="https://mastodon.example/@ada">@ada@mastodon.example</a></li>
        <li itemprop="url"><a href="javascript:alert(1)">x</a></li>`),
    );
    expect(p).toMatchObject({
      name: 'Ada Octo',
      location: 'Berlin, Germany',
      country: 'DE',
      emails: ['ada@adaworks.example'],
      websites: [],
    });
    expect(p?.anchor?.tagName).toBe('H1');
  });

  it('returns partial data for a bare card', () => {
    const p = at('https://github.com/octo-ada', '<div itemscope itemtype="http://schema.org/Person"></div>');
    expect(p).toEqual({
      source: 'github',
      githubLogin: 'octo-ada',
      emails: [],
      phones: [],
      websites: [],
      anchor: null,
    });
  });
});
