import { expect, test, type Page } from "@playwright/test";
import { openAsStaff } from "./support/session";

/**
 * How much of the grid React renders while a person scrolls it. React calls the
 * developer-tools hook after every commit, production builds included; the probe walks
 * the committed tree and counts grid cells whose props are new, which is exactly the
 * cells that rendered again (a cell React skipped keeps its props object).
 */
declare global {
  interface Window {
    gridProbe: { cellRenders: number; commits: number };
  }
}

function installProbe() {
  type Fiber = {
    tag: number;
    memoizedProps: unknown;
    child: Fiber | null;
    sibling: Fiber | null;
    alternate: Fiber | null;
  };
  const HOST_COMPONENT = 5;
  const seen = new WeakMap<Fiber, unknown>();
  window.gridProbe = { cellRenders: 0, commits: 0 };
  const isCell = (props: unknown) =>
    typeof props === "object" && props !== null && (props as { role?: unknown }).role === "gridcell";
  Object.defineProperty(window, "__REACT_DEVTOOLS_GLOBAL_HOOK__", {
    configurable: true,
    value: {
      supportsFiber: true,
      isDisabled: false,
      renderers: new Map(),
      inject: () => 1,
      checkDCE: () => undefined,
      onScheduleFiberRoot: () => undefined,
      onCommitFiberUnmount: () => undefined,
      onPostCommitFiberRoot: () => undefined,
      onCommitFiberRoot: (_id: number, root: { current: Fiber }) => {
        window.gridProbe.commits += 1;
        const stack: Fiber[] = [root.current];
        while (stack.length) {
          const fiber = stack.pop()!;
          if (fiber.tag === HOST_COMPONENT && isCell(fiber.memoizedProps)) {
            const before = seen.has(fiber) ? seen.get(fiber) : fiber.alternate ? seen.get(fiber.alternate) : undefined;
            if (before !== fiber.memoizedProps) window.gridProbe.cellRenders += 1;
            seen.set(fiber, fiber.memoizedProps);
            if (fiber.alternate) seen.set(fiber.alternate, fiber.memoizedProps);
          }
          if (fiber.sibling) stack.push(fiber.sibling);
          if (fiber.child) stack.push(fiber.child);
        }
      },
    },
  });
}

async function scrollFrames(page: Page, frames: number, step: number) {
  return page.evaluate(
    async ({ frames, step }) => {
      const scroller = document.querySelector('[role="grid"]')!.parentElement!;
      const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      await nextFrame();
      window.gridProbe.cellRenders = 0;
      window.gridProbe.commits = 0;
      for (let frame = 0; frame < frames; frame++) {
        scroller.scrollTop += step;
        await nextFrame();
      }
      const visibleCells = document.querySelectorAll('[role="grid"] [role="gridcell"]').length;
      return { ...window.gridProbe, visibleCells };
    },
    { frames, step },
  );
}

test("scrolling the grid renders only the rows that come into view", async ({ page }) => {
  // The probe walks React's whole tree after every commit: slow on a loaded machine, not in the app.
  test.setTimeout(180_000);
  await page.addInitScript(installProbe);
  await page.setViewportSize({ width: 1440, height: 900 });
  await openAsStaff(page, "viewer@acme.test", "/admin/partners?sort=name");
  await expect(
    page.getByRole("grid", { name: "Partners" }).locator('[role="row"][aria-rowindex]').first(),
  ).toBeVisible();

  // Small steps (a quarter row): most frames bring no new row in; large steps bring one or two.
  const small = await scrollFrames(page, 40, 11);
  const large = await scrollFrames(page, 40, 66);
  const perFrame = (result: { cellRenders: number }) => result.cellRenders / 40;
  console.log(
    `grid renders per scroll frame: ${perFrame(small).toFixed(1)} cells (11 px steps), ` +
      `${perFrame(large).toFixed(1)} cells (66 px steps); ${small.visibleCells} cells in the DOM`,
  );
  const columns = await page.locator('[role="grid"] [role="columnheader"]').count();
  // A frame may bring in up to two rows at each end of the overscan; never the whole window again.
  expect(perFrame(small)).toBeLessThanOrEqual(columns * 2);
  expect(perFrame(large)).toBeLessThanOrEqual(columns * 4);
});

test("the directory at 1440 and 375 px", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openAsStaff(
    page,
    "member@acme.test",
    "/admin/partners?sort=name&cols=name,status,tier,owner,region,tags,updated_at",
  );
  const grid = page.getByRole("grid", { name: "Partners" });
  await expect(grid.locator('[role="row"][aria-rowindex]').first()).toBeVisible();
  const tags = grid.locator('[role="row"][aria-rowindex]').first().locator('[data-column="tags"]');
  await tags.dblclick();
  await page.keyboard.type("priority");
  await page.screenshot({ path: "test-results/grid-1440.png" });
  await page.keyboard.press("Escape");

  await page.setViewportSize({ width: 375, height: 740 });
  await expect(page.getByRole("list", { name: "Partners" })).toBeVisible();
  await page.screenshot({ path: "test-results/grid-375.png" });
});
