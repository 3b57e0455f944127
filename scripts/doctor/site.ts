import { fetchWithin, unreachable } from "./http";
import { fail, pass, skip, type CheckLine } from "./lines";
import type { DoctorOptions } from "./options";

/** The deployed app serves its staff sign-in page. */
export async function checkSite(options: DoctorOptions): Promise<CheckLine[]> {
  if (!options.siteUrl) return [skip("the app's site: not checked: pass --site-url (or set NEXT_PUBLIC_SITE_URL)")];
  const target = `${options.siteUrl}/login`;
  let response: Response;
  try {
    response = await fetchWithin(target);
  } catch (error) {
    return [
      fail(
        `the app does not answer at ${target} (${unreachable(error)})`,
        "deploy the app and pass its public URL as --site-url",
      ),
    ];
  }
  if (response.status !== 200)
    return [
      fail(
        `the app answers ${response.status} at ${target}, not 200`,
        "check the host's build and runtime logs; the app needs NEXT_PUBLIC_SUPABASE_URL and its keys to render",
      ),
    ];
  return [pass(`the app serves ${target}`)];
}
