import { describe, expect, it } from "vitest";
import { calendarDateProblem, optionalDate, requiredDate } from "@/lib/validation/calendar-date";
import { optionalEmail, requiredEmail } from "@/lib/validation/email";
import { tagArraySchema, tagList } from "@/lib/validation/tags";
import { optionalText, requiredText } from "@/lib/validation/text";
import { optionalUrl, requiredUrl } from "@/lib/validation/url";

function message(result: { success: boolean; error?: { issues: { message: string }[] } }): string | undefined {
  return result.error?.issues[0]?.message;
}

const ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff";
const RLO = "\u202e";
const LRI = "\u2066";
const PDI = "\u2069";

describe("text", () => {
  const name = requiredText("Name", 200);

  it("refuses a name made only of zero-width characters", () => {
    expect(message(name.safeParse(ZERO_WIDTH))).toBe("Name is required");
    expect(message(name.safeParse(` ${ZERO_WIDTH}\u00ad\t`))).toBe("Name is required");
    expect(optionalText(100).parse(ZERO_WIDTH)).toBeNull();
  });

  it("strips text-direction overrides and isolates", () => {
    expect(name.parse(`Acme ${RLO}gpj.exe`)).toBe("Acme gpj.exe");
    expect(name.parse(`${LRI}Northwind${PDI}`)).toBe("Northwind");
    expect(message(name.safeParse(`${RLO}${PDI}`))).toBe("Name is required");
  });

  it("keeps real text, emoji joiners included", () => {
    expect(name.parse("  Müller & Søn 👩‍💻 ")).toBe("Müller & Søn 👩‍💻");
  });

  it("says the limit in the message", () => {
    expect(message(name.safeParse("x".repeat(201)))).toBe("Use at most 200 characters");
    expect(message(requiredText("The note", 10000).safeParse("x".repeat(10001)))).toBe("Use at most 10,000 characters");
    expect(name.parse("x".repeat(200))).toHaveLength(200);
  });

  it("refuses what is not text", () => {
    expect(name.safeParse(12).success).toBe(false);
    expect(optionalText(100).safeParse(["a"]).success).toBe(false);
  });
});

describe("urls", () => {
  const url = requiredUrl("Paste the document's link");

  it("refuses a 900 KB link and says the limit", () => {
    const huge = `https://example.com/${"a".repeat(900 * 1024)}`;
    expect(message(url.safeParse(huge))).toBe("Use a link of at most 2,048 characters");
    expect(message(optionalUrl().safeParse(huge))).toBe("Use a link of at most 2,048 characters");
  });

  it("takes http and https up to 2,048 characters", () => {
    const longest = `https://example.com/${"a".repeat(2048 - 20)}`;
    expect(longest).toHaveLength(2048);
    expect(url.parse(longest)).toBe(longest);
    expect(url.parse(" http://notion.so/page ")).toBe("http://notion.so/page");
    expect(message(url.safeParse(`${longest}a`))).toBe("Use a link of at most 2,048 characters");
  });

  it("refuses other schemes and empty links", () => {
    expect(message(url.safeParse("javascript:alert(1)"))).toBe("Enter a link starting with http:// or https://");
    expect(message(url.safeParse("ftp://example.com"))).toBe("Enter a link starting with http:// or https://");
    expect(message(url.safeParse("https://exa mple.com"))).toBe("Enter a link starting with http:// or https://");
    expect(message(url.safeParse(""))).toBe("Paste the document's link");
    expect(optionalUrl().parse("")).toBeNull();
  });
});

describe("calendar dates", () => {
  it("says that 2026-02-31 does not exist, not that it has the wrong format", () => {
    expect(calendarDateProblem("2026-02-31")).toBe("That date does not exist: February 2026 has 28 days");
    expect(message(requiredDate("Referral date").safeParse("2026-02-31"))).toBe(
      "That date does not exist: February 2026 has 28 days",
    );
    expect(message(optionalDate().safeParse("2026-04-31"))).toBe("That date does not exist: April 2026 has 30 days");
    expect(message(optionalDate().safeParse("2026-13-01"))).toBe("That date does not exist: a month is 01 to 12");
  });

  it("knows leap years", () => {
    expect(calendarDateProblem("2028-02-29")).toBeNull();
    expect(calendarDateProblem("2026-02-29")).toBe("That date does not exist: February 2026 has 28 days");
  });

  it("asks for the format when it is not one", () => {
    expect(message(requiredDate("Referral date").safeParse("31.02.2026"))).toBe("Enter a date as YYYY-MM-DD");
    expect(message(requiredDate("Referral date").safeParse(""))).toBe("Referral date is required");
    expect(optionalDate().parse("")).toBeNull();
    expect(optionalDate().parse("2026-02-28")).toBe("2026-02-28");
  });
});

describe("email", () => {
  it("says the length limit", () => {
    const long = `${"a".repeat(250)}@x.io`;
    expect(message(requiredEmail().safeParse(long))).toBe("Use an email address of at most 254 characters");
    expect(message(optionalEmail().safeParse(long))).toBe("Use an email address of at most 254 characters");
  });

  it("lowercases and refuses non-addresses", () => {
    expect(requiredEmail().parse(" Admin@Acme.TEST ")).toBe("admin@acme.test");
    expect(message(optionalEmail().safeParse("not-an-email"))).toBe("Enter a valid email address");
    expect(optionalEmail().parse("")).toBeNull();
  });
});

describe("tags", () => {
  it("says both limits", () => {
    expect(message(tagList().safeParse("x".repeat(51)))).toBe("Keep each tag to 50 characters");
    const many = Array.from({ length: 21 }, (_, index) => `t${index}`);
    expect(message(tagList().safeParse(many.join(",")))).toBe("Use at most 20 tags");
    expect(message(tagArraySchema().safeParse(many))).toBe("Use at most 20 tags");
  });

  it("drops invisible tags and duplicates", () => {
    expect(tagList().parse(`a, A ,${ZERO_WIDTH}, b`)).toEqual(["a", "b"]);
    expect(tagArraySchema().parse(["MSP", `${RLO}MSP`, ZERO_WIDTH])).toEqual(["MSP"]);
  });
});
