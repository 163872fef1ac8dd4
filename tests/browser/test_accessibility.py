"""Every main page at 360 px wide: no sideways scrolling, a label for every field, a name for
every button, one <h1>, text contrast of at least WCAG AA; and the keyboard reaches each page's
main action with Tab, showing a focus ring that stands out from the page."""

import pytest
from playwright.sync_api import Page, expect

from insights.weekly_email import email_token
from tests.browser.helpers import NARROW, log_in, shot
from tests.factories import make_workout

# (name, path, signed in); {workout} and {token} are filled in per user.
PAGES = [
    ("landing", "/", False),
    ("login", "/accounts/login/", False),
    ("signup", "/signup/", False),
    ("password-reset", "/accounts/password_reset/", False),
    ("dashboard", "/", True),
    ("workout-form", "/workouts/new/", True),
    ("workout-detail", "/workouts/{workout}/", True),
    ("workout-edit", "/workouts/{workout}/edit/", True),
    ("history", "/workouts/", True),
    ("week", "/week/", True),
    ("settings", "/settings/", True),
    ("email-preferences", "/email/preferences/{token}/", False),
    ("unsubscribe", "/email/unsubscribe/{token}/", False),
]

# Problems on the page, as readable sentences; [] when the page passes.
AUDIT = """() => {
  const problems = [];
  const root = document.scrollingElement;
  if (root.scrollWidth > root.clientWidth) {
    const wide = [...document.body.querySelectorAll('*')]
      .filter(e => e.getBoundingClientRect().right > root.clientWidth + 0.5)
      .filter(e => !e.closest('.skip'))
      .slice(0, 3).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : ''));
    problems.push(`scrolls sideways: ${root.scrollWidth}px > ${root.clientWidth}px (${wide})`);
  }
  for (const el of document.querySelectorAll('input:not([type=hidden]), select, textarea')) {
    const labelled = [...(el.labels || [])].some(l => l.textContent.trim())
      || (el.getAttribute('aria-label') || '').trim()
      || el.getAttribute('aria-labelledby');
    if (!labelled) problems.push(`no label: <${el.tagName.toLowerCase()} name="${el.name}">`);
  }
  for (const b of document.querySelectorAll('button, input[type=submit], [role=button]')) {
    if (!((b.getAttribute('aria-label') || b.textContent || b.value || '').trim())) {
      problems.push(`button without a name: ${b.outerHTML.slice(0, 80)}`);
    }
  }
  const h1 = document.querySelectorAll('h1').length;
  if (h1 !== 1) problems.push(`${h1} <h1> elements, not 1`);
  if (!document.documentElement.lang) problems.push('no <html lang>');
  if (!document.title.trim()) problems.push('no <title>');

  // Text contrast (WCAG AA: 4.5:1, or 3:1 for large text) against the nearest background.
  const rgb = c => (c.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => [r, g, b].map(v => {
    v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  }).reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
  const background = el => {
    for (; el; el = el.parentElement) {
      const c = rgb(getComputedStyle(el).backgroundColor);
      if (c.length === 3 || c[3] === 1) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const seen = new Set();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node; (node = walker.nextNode());) {
    const el = node.parentElement;
    if (!node.textContent.trim() || el.closest('svg, .skip, option') || seen.has(el)) continue;
    seen.add(el);
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    if (style.visibility === 'hidden' || box.width === 0 || box.height === 0) continue;
    const [a, b] = [lum(rgb(style.color)), lum(background(el))];
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    const size = parseFloat(style.fontSize), bold = parseInt(style.fontWeight) >= 700;
    const needed = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
    if (ratio < needed) {
      const text = node.textContent.trim().slice(0, 30);
      problems.push(`contrast ${ratio.toFixed(2)} < ${needed}: "${text}"`
        + ` (${style.color} on ${background(el)})`);
    }
  }
  return problems;
}"""


@pytest.fixture
def paths(lifter):
    workout = make_workout(lifter, title="Squat day")
    return {"workout": workout.pk, "token": email_token(lifter)}


def audit(page: Page, pages: list[tuple[str, str]], paths: dict) -> list[str]:
    """Visit each page at 360 px and list its problems, each prefixed with the page's name."""
    page.set_viewport_size(NARROW)
    problems = []
    for name, path in pages:
        page.goto(path.format(**paths))
        expect(page.locator("h1").first).to_be_visible()
        problems += [f"{name} ({path}): {problem}" for problem in page.evaluate(AUDIT)]
        shot(page, f"a11y-360px-{name}")
    return problems


def test_public_pages_at_360px_have_no_sideways_scroll_labels_names_one_h1_and_contrast(
    page: Page, paths
):
    problems = audit(page, [(n, p) for n, p, signed in PAGES if not signed], paths)
    assert problems == [], "\n".join(problems)


def test_signed_in_pages_at_360px_have_no_sideways_scroll_labels_names_one_h1_and_contrast(
    page: Page, context, lifter, base_url, paths
):
    log_in(context, lifter, base_url)
    problems = audit(page, [(n, p) for n, p, signed in PAGES if signed], paths)
    assert problems == [], "\n".join(problems)


FOCUS_RING = """() => {
  const el = document.activeElement, s = getComputedStyle(el);
  return {style: s.outlineStyle, width: parseFloat(s.outlineWidth), color: s.outlineColor};
}"""

# (page, the role and name of the main action on it, signed in)
ACTIONS = [
    ("/workouts/new/", "button", "Save workout", True),
    ("/", "link", "Log a workout", True),
    ("/settings/", "button", "Save settings", True),
    ("/accounts/login/", "button", "Log in", False),
]


@pytest.mark.parametrize(("path", "role", "action", "signed"), ACTIONS, ids=[a[2] for a in ACTIONS])
def test_tab_reaches_the_main_action_and_shows_a_focus_ring(
    page: Page, context, lifter, base_url, path, role, action, signed
):
    if signed:
        log_in(context, lifter, base_url)
    page.set_viewport_size(NARROW)
    page.goto(path)
    target = page.get_by_role(role, name=action, exact=True)
    if page.evaluate("document.activeElement === document.body"):  # no autofocus field
        page.keyboard.press("Tab")
        skip = page.get_by_role("link", name="Skip to content")
        expect(skip).to_be_focused()
        expect(skip).to_be_in_viewport()  # it slides into view when focused
    for _ in range(80):
        if target.evaluate("el => el === document.activeElement"):
            break
        page.keyboard.press("Tab")
    expect(target).to_be_focused()
    ring = page.evaluate(FOCUS_RING)
    assert ring["style"] != "none", f"no visible focus style on {action!r}"
    assert ring["width"] >= 2
    # The ring must stand out from the page around it (WCAG non-text contrast, 3:1).
    ratio = page.evaluate(
        """([c]) => {
          const rgb = s => s.match(/[\\d.]+/g).slice(0, 3).map(Number);
          const lum = a => a.map(v => { v /= 255;
            return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
            .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
          let el = document.activeElement.parentElement, bg = [255, 255, 255];
          for (; el; el = el.parentElement) {
            const b = getComputedStyle(el).backgroundColor.match(/[\\d.]+/g).map(Number);
            if (b.length === 3 || b[3] === 1) { bg = b.slice(0, 3); break; }
          }
          const [x, y] = [lum(rgb(c)), lum(bg)];
          return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
        }""",
        [ring["color"]],
    )
    assert ratio >= 3, f"focus ring contrast {ratio:.2f}:1 against the page is under 3:1"
