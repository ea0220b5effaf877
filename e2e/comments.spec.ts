import { DEMO, DEMO_PASSWORD, expect, test } from "./fixtures";

const PAYLOAD = `Which brush? <img src=x onerror="window.__xss=1"><script>window.__xss=2</script>`;

test("a question stays inert text, the creator's answer is highlighted, a report is hidden by an admin", async ({
  page,
  users,
  signInPage,
}) => {
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const unique = `${PAYLOAD} #${Date.now()}`;

  // A visitor signs up and asks on one of Lin Mei's courses.
  await users.signUp({ page, name: "Quinn Questioner", label: "asker" });
  await page.goto("/creators/lin-mei");
  await page
    .getByRole("list", { name: /courses/i })
    .locator('a[href^="/courses/"]')
    .first()
    .click();
  await expect(page).toHaveURL(/\/courses\/[a-z0-9-]+$/);
  const coursePath = new URL(page.url()).pathname;
  const section = page.getByRole("region", { name: "Questions and comments" });
  await section.getByRole("form", { name: "Ask a question or leave a comment" }).getByRole("textbox").fill(unique);
  await section.getByRole("button", { name: "Post", exact: true }).click();
  const question = section
    .getByRole("listitem")
    .filter({ hasText: `#${unique.split("#")[1]}` })
    .first();
  await expect(question.getByText(unique, { exact: true })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  await signInPage.signOut();

  // The creator answers; the answer is marked as the creator's.
  await signInPage.signIn(DEMO.creator, { password: DEMO_PASSWORD });
  await page.goto(coursePath);
  const q2 = page
    .getByRole("region", { name: "Questions and comments" })
    .getByRole("listitem")
    .filter({ hasText: `#${unique.split("#")[1]}` })
    .first();
  await q2.getByText("Reply", { exact: true }).first().click();
  await q2.getByRole("form", { name: "Reply" }).getByRole("textbox").fill("A wolf-hair brush, size 2.");
  await q2.getByRole("form", { name: "Reply" }).getByRole("button", { name: "Reply" }).click();
  const answer = q2.getByRole("listitem").filter({ hasText: "A wolf-hair brush, size 2." });
  await expect(answer.getByText("Creator", { exact: true })).toBeVisible();

  // The creator reports the question; the admin hides it; it is gone from the page.
  await q2.getByRole("button", { name: "Report" }).first().click();
  await expect(q2.getByText("Reported. Thank you.")).toBeVisible();
  await signInPage.signOut();
  await signInPage.signIn(DEMO.admin, { password: DEMO_PASSWORD });
  await page.goto("/studio/moderation");
  const item = page
    .getByRole("list", { name: "Moderation" })
    .getByRole("listitem")
    .filter({ hasText: `#${unique.split("#")[1]}` });
  await item.getByRole("button", { name: "Hide" }).click();
  await expect(item).toHaveCount(0);
  await page.goto(coursePath);
  await expect(page.getByText(`#${unique.split("#")[1]}`)).toHaveCount(0);
  expect(dialogs).toEqual([]);
});
