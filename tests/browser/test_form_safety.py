"""The after-the-fact form is safe by hand too: removing a row that holds numbers asks first,
"+ Add set" puts the focus in the new set and records the rest since the last one, and a
new exercise comes with a set row."""

from playwright.sync_api import Page, expect


def test_the_form_asks_before_removing_numbers_and_focuses_the_new_set(signed_in: Page):
    page = signed_in
    page.goto("/workouts/new/")
    page.locator("#ex-0-name").fill("Back Squat")
    page.get_by_label("Set 1 reps").fill("5")
    page.get_by_label("Set 1 load in kg").fill("100")
    add = page.get_by_role("button", name="+ Add set")
    add.click()
    expect(page.get_by_label("Set 2 reps")).to_be_focused()
    page.wait_for_timeout(1100)
    add.click()
    expect(page.get_by_label("Set 3 reps")).to_be_focused()
    rest = page.locator("#ex-0-set-1-rest")
    expect(rest).to_have_value("1")  # about a second between the two taps

    asked = []

    def answer(dialog):
        asked.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", answer)
    page.get_by_role("button", name="Remove set 3").click()
    expect(page.get_by_label("Set 3 reps")).to_have_value("5")
    assert asked == ["Remove set 3?"]
    page.get_by_role("button", name="Remove exercise").click()
    expect(page.locator("#ex-0-name")).to_have_value("Back Squat")
    assert asked[-1] == "Remove this exercise and its sets?"

    page.get_by_role("button", name="+ Add exercise").click()
    expect(page.locator("#ex-1-name")).to_be_focused()
    expect(page.locator("#ex-1-set-0-reps")).to_be_visible()
