// The portal's main flow, typed by the client generated from api_spec/openapi.json
// (openapi-typescript + openapi-fetch). `npm run check` compiles it: a change to the contract
// that would break the portal fails CI here. It is compiled, not run.
import createClient from "openapi-fetch";
import type { components, paths } from "./generated/api";

type Schemas = components["schemas"];
type Theme = Schemas["Theme"];
type District = Schemas["District"];
type Organization = Schemas["Organization"];
type MatchItem = Schemas["MatchItem"];

const api = createClient<paths>({
  baseUrl: "https://matchmaker.example.org",
  headers: { Authorization: "Bearer mm_portal_key" },
});

export async function portalFlow(): Promise<void> {
  // 1. List with filters: typed vocabularies, a required envelope.
  const theme: Theme = "green_tech";
  const district: District = "esslingen";
  const listed = await api.GET("/api/v1/organizations", {
    params: { query: { theme, district, kind: "startup", page: 1, page_size: 20 } },
  });
  if (listed.error) throw new Error(listed.error.message);
  const total: number = listed.data.total;
  const names: string[] = listed.data.items.map((o: Organization) => o.name);

  // 2. Create: a Location and an ETag come back.
  const created = await api.POST("/api/v1/organizations", {
    body: {
      name: "Voltwerk GmbH",
      kind: "startup",
      stage: "seed",
      themes: ["automotive_mobility", "green_tech"],
      offers: ["Prüfstand für Batteriezellen"],
      needs: ["Seed-Finanzierung"],
      location: { district: "esslingen" },
    },
  });
  if (created.error) throw new Error(created.error.message);
  const id: string = created.data.id;
  const location: string | null = created.response.headers.get("Location");

  // 3. Update with If-Match (the ETag read), typed as a header parameter.
  const read = await api.GET("/api/v1/organizations/{organization_id}", {
    params: { path: { organization_id: id } },
  });
  const etag = read.response.headers.get("ETag") ?? "";
  const updated = await api.PATCH("/api/v1/organizations/{organization_id}", {
    params: { path: { organization_id: id }, header: { "If-Match": etag } },
    body: { needs: ["Seed-Finanzierung", "Pilotkunde aus der Automobilindustrie"] },
  });
  if (updated.error) throw new Error(`${updated.error.code}: ${updated.error.message}`);
  const version: string = updated.data.updated_at;

  // 4. Matches: typed filters, bands and reasons.
  const matches = await api.GET("/api/v1/organizations/{organization_id}/matches", {
    params: {
      path: { organization_id: id },
      query: { target: "organizations", theme: ["green_tech"], district: ["stuttgart"], limit: 10 },
      header: { "Accept-Language": "de" },
    },
  });
  if (matches.error) throw new Error(matches.error.message);
  const strong: MatchItem[] = matches.data.items.filter((m) => m.band === "strong");
  for (const item of matches.data.items) {
    const score: number = item.score;
    const why: string = item.explanation;
    for (const reason of item.reasons) {
      if (reason.type === "need_met" && reason.their_offer) console.log(reason.their_offer);
      if (reason.type === "themes") console.log(reason.shared?.map((t) => t.label));
    }
    console.log(score, why);
  }
  const heldBack: number = matches.data.held_back;

  // 5. Search with only a text (everything else has a server-side default).
  const found = await api.POST("/api/v1/search", { body: { text: "Prüfstand für Batteriezellen" } });
  if (found.error) throw new Error(found.error.message);
  const first: string | undefined = found.data.items[0]?.id;

  console.log(total, names, location, version, strong, heldBack, first);
}

// The agency's bulk import: a large file becomes a job, followed until it ends.
export async function curatorImport(file: Schemas["ImportFile"]): Promise<number> {
  const sent = await api.POST("/api/v1/import", { params: { query: { run: "auto" } }, body: file });
  if (sent.error) throw new Error(`${sent.error.code}: ${sent.error.message}`);
  if (sent.response.status !== 202) {
    const report = sent.data as Schemas["ImportReport"];
    return report.created.organizations;
  }
  const job = sent.data as Schemas["Job"];
  for (;;) {
    const polled = await api.GET("/api/v1/jobs/{job_id}", { params: { path: { job_id: job.id } } });
    if (polled.error) throw new Error(polled.error.message);
    const { status, progress, result, error } = polled.data;
    const percent: number | null = progress.percent;
    console.log(progress.phase, progress.done, progress.total, percent);
    if (status === "failed") throw new Error(error?.message ?? "failed");
    if (status === "succeeded") return (result?.created as { organizations: number }).organizations;
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}
