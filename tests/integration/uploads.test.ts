import { crc32 } from "node:zlib";
import { sql } from "kysely";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { visibleText } from "../helpers/client";
import { removeLooseUploads } from "../../app/domain/uploads/store.server";
import { withSeededForum } from "../helpers/forum";

// Small limits, so the size and quota refusals need only small files.
const { forum, visitor, as, freshIp } = withSeededForum(47, { UPLOAD_MAX_FILE_BYTES: "200000", UPLOAD_BYTES_PER_DAY: "600000" });

let keyCounter = 0;
const key = () => `upload-key-${++keyCounter}-${Date.now()}`;

type Client = Awaited<ReturnType<typeof as>>;

/** A multipart form post as a browser sends it from one of our pages. */
async function postForm(client: Client | null, path: string, fields: Record<string, string>, files: Array<{ name: string; bytes: Uint8Array; type?: string }>, field = "files") {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  for (const file of files) form.append(field, new Blob([new Uint8Array(file.bytes)], { type: file.type ?? "application/octet-stream" }), file.name);
  const headers = new Headers({ origin: forum.server.url, ...freshIp() });
  if (client && client.cookies.size > 0) headers.set("cookie", [...client.cookies].map(([k, v]) => `${k}=${v}`).join("; "));
  return fetch(forum.server.url + path, { method: "POST", headers, body: form, redirect: "manual" });
}

async function threadIn(groupSlug: string) {
  return forum.handle.db
    .selectFrom("threads")
    .innerJoin("groups", "groups.id", "threads.group_id")
    .select(["threads.id", "threads.slug"])
    .where("groups.slug", "=", groupSlug)
    .where("threads.deleted_at", "is", null)
    .where("threads.hidden_at", "is", null)
    .where("threads.locked", "=", false)
    .orderBy("threads.id")
    .executeTakeFirstOrThrow();
}

const photoWithGps = () =>
  sharp({ create: { width: 640, height: 480, channels: 3, background: { r: 40, g: 120, b: 90 } } })
    .jpeg()
    .withExif({ IFD0: { Make: "Camera", Model: "Spion" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "52/1 5/1 0/1", GPSLongitudeRef: "E", GPSLongitude: "4/1 18/1 0/1" } })
    .toBuffer();
const png = (width = 64, height = 48) => sharp({ create: { width, height, channels: 4, background: "#c0ffee" } }).png().toBuffer();
const pdf = (padding = 200) => Buffer.from(`%PDF-1.4\n% test\n${"0".repeat(padding)}\n%%EOF\n`, "latin1");

/** A real 1×1 PNG whose header claims 30000 × 30000 pixels (a decompression bomb's calling card). */
async function bombPng(): Promise<Buffer> {
  const small = Buffer.from(await png(1, 1));
  // IHDR data starts at byte 16: width and height, then the chunk's CRC over type + data (bytes 12–28).
  small.writeUInt32BE(30000, 16);
  small.writeUInt32BE(30000, 20);
  small.writeUInt32BE(crc32(small.subarray(12, 29)), 29);
  return small;
}

const fileIdsIn = (html: string) => [...html.matchAll(/\/files\/(\d+)\//g)].map((m) => Number(m[1]));

async function reply(client: Client, thread: { id: number; slug: string }, body: string, files: Parameters<typeof postForm>[3]) {
  return postForm(client, `/t/${thread.id}/${thread.slug}`, { intent: "post", body, idempotencyKey: key() }, files);
}

describe("files in posts", () => {
  it("re-encodes an image without its EXIF (no location), makes a thumbnail, and shows it in the post with a PDF as a link with name and size", async () => {
    const carmen = await as("carmen");
    const thread = await threadIn("goed-werk-in-de-praktijk");
    const original = await photoWithGps();
    expect((await sharp(original).metadata()).exif).toBeDefined();
    const posted = await reply(carmen, thread, "Foto van de bijeenkomst", [
      { name: "vakantie foto.jpg", bytes: original, type: "image/jpeg" },
      { name: "Verslag 2026.pdf", bytes: pdf(3000), type: "application/pdf" },
    ]);
    expect(posted.status).toBe(302);
    const page = await (await visitor().get(posted.headers.get("location")!.split("#")[0]!)).text();
    const image = /<a href="(\/files\/\d+\/vakantie-foto\.jpg)"[^>]*><img src="(\/files\/\d+\/vakantie-foto\.jpg\?size=thumb)" alt="vakantie foto\.jpg" loading="lazy" width="400" height="300"/.exec(page);
    expect(image, "the image shows as a thumbnail linking to the full image").not.toBeNull();
    expect(visibleText(page)).toMatch(/Verslag 2026\.pdf \(3 kB\)/);

    const full = await visitor().get(image![1]!);
    expect(full.status).toBe(200);
    expect(full.headers.get("content-type")).toBe("image/jpeg");
    expect(full.headers.get("x-content-type-options")).toBe("nosniff");
    expect(full.headers.get("content-security-policy")).toBe("default-src 'none'; sandbox");
    expect(full.headers.get("content-disposition")).toMatch(/^inline; filename="vakantie foto\.jpg"; filename\*=UTF-8''vakantie%20foto\.jpg$/);
    expect(full.headers.get("cache-control")).toBe("public, no-cache");
    const served = Buffer.from(await full.arrayBuffer());
    const metadata = await sharp(served).metadata();
    expect(metadata.exif, "no EXIF (so no GPS position) in the served file").toBeUndefined();
    expect(served.includes(Buffer.from("Spion"))).toBe(false);
    expect([metadata.width, metadata.height]).toEqual([640, 480]);
    const again = await visitor().get(image![1]!, { "if-none-match": full.headers.get("etag")! });
    expect(again.status).toBe(304);

    const thumb = await visitor().get(image![2]!);
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get("content-type")).toBe("image/webp");
    expect((await sharp(Buffer.from(await thumb.arrayBuffer())).metadata()).width).toBe(400);

    const pdfPath = /href="(\/files\/\d+\/verslag-2026\.pdf)"/.exec(page)![1]!;
    const document = await visitor().get(pdfPath);
    expect(document.status).toBe(200);
    expect(document.headers.get("content-type")).toBe("application/pdf");
    expect(document.headers.get("content-disposition")).toMatch(/^attachment; filename="Verslag 2026\.pdf"/);
    expect(document.headers.get("content-security-policy")).toBe("default-src 'none'; sandbox");
  });

  it("refuses a PNG named .pdf, a text file named .png, an SVG and an HTML-in-PDF polyglot with a translated message, keeping the typed text", async () => {
    const carmen = await as("carmen");
    const thread = await threadIn("goed-werk-in-de-praktijk");
    const cases: Array<[Parameters<typeof postForm>[3][number], string]> = [
      [{ name: "factuur.pdf", bytes: await png() }, "Dit bestand is iets anders dan zijn naam zegt"],
      [{ name: "foto.png", bytes: Buffer.from("gewoon wat tekst\n") }, "Dit soort bestand kun je niet toevoegen"],
      [{ name: "logo.svg", bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), type: "image/svg+xml" }, "Dit soort bestand kun je niet toevoegen"],
      [{ name: "dubbel.pdf", bytes: Buffer.from("%PDF-1.4\n<html><script>alert(1)</script></html>") }, "webpagina-code"],
      [{ name: "kapot.png", bytes: Buffer.concat([(await png()).subarray(0, 40)]) }, "beschadigd of onleesbaar"],
    ];
    for (const [file, message] of cases) {
      const refused = await reply(carmen, thread, `Mijn tekst bij ${file.name}`, [file]);
      expect(refused.status, file.name).toBe(422);
      const html = await refused.text();
      expect(visibleText(html), file.name).toContain(message);
      expect(html, file.name).toContain(`Mijn tekst bij ${file.name}`);
    }
    const stored = await forum.handle.db.selectFrom("attachments").select("file_name").where("file_name", "in", ["factuur.pdf", "factuur.png", "foto.png", "logo.svg", "dubbel.pdf", "kapot.png"]).execute();
    expect(stored).toEqual([]);
  });

  it("refuses a file over the size limit (413) and a decompression bomb (422), translated, keeping the text", async () => {
    const carmen = await as("carmen");
    const thread = await threadIn("goed-werk-in-de-praktijk");
    const large = await reply(carmen, thread, "Tekst bij een groot bestand", [{ name: "groot.pdf", bytes: pdf(250_000) }]);
    expect(large.status).toBe(413);
    const largeHtml = await large.text();
    expect(visibleText(largeHtml)).toContain("Dit bestand is te groot");
    expect(largeHtml).toContain("Tekst bij een groot bestand");

    const bomb = await reply(carmen, thread, "Tekst bij een bom", [{ name: "bom.png", bytes: await bombPng() }]);
    expect(bomb.status).toBe(422);
    const bombHtml = await bomb.text();
    expect(visibleText(bombHtml)).toContain("te veel pixels");
    expect(bombHtml).toContain("Tekst bij een bom");
  });

  it("serves a file on a private circle's post to its members, and answers a visitor and an outsider exactly as a missing file", async () => {
    const daan = await as("daan");
    const thread = await threadIn("leerkring-vakmanschap");
    const posted = await reply(daan, thread, "Alleen voor de kring", [{ name: "schema.png", bytes: await png() }]);
    expect(posted.status).toBe(302);
    const [id] = fileIdsIn(await (await daan.get(posted.headers.get("location")!.split("#")[0]!)).text());
    expect(id).toBeDefined();
    const own = await daan.get(`/files/${id}/schema.png`);
    expect(own.status).toBe(200);
    expect(own.headers.get("cache-control")).toBe("private, no-cache");
    expect((await (await as("bram")).get(`/files/${id}/schema.png?size=thumb`)).status).toBe(200);

    const carmen = await as("carmen");
    for (const [who, client] of [["visitor", visitor()], ["outsider", carmen]] as const) {
      const hidden = await client.get(`/files/${id}/schema.png`);
      const missing = await client.get(`/files/2000000000/schema.png`);
      expect(hidden.status, who).toBe(404);
      expect(missing.status, who).toBe(404);
      expect(Buffer.from(await hidden.arrayBuffer()).equals(Buffer.from(await missing.arrayBuffer())), who).toBe(true);
    }
  });

  it("a pasted or dropped file (the upload endpoint) is seen only by its uploader until a post references it", async () => {
    const eva = await as("eva");
    const uploaded = await postForm(eva, "/uploads", {}, [{ name: "plaatje.png", bytes: await png(), type: "image/png" }], "file");
    expect(uploaded.status).toBe(200);
    const { id, markdown } = (await uploaded.json()) as { id: number; markdown: string };
    expect(markdown).toBe(`![plaatje.png](/files/${id}/plaatje.png?w=64&h=48)`);
    expect((await eva.get(`/files/${id}/plaatje.png`)).status).toBe(200);
    expect((await (await as("bram")).get(`/files/${id}/plaatje.png`)).status).toBe(404);
    expect((await visitor().get(`/files/${id}/plaatje.png`)).status).toBe(404);

    const refused = await postForm(eva, "/uploads", {}, [{ name: "tekening.svg", bytes: Buffer.from("<svg/>") }], "file");
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as { error: string }).error).toContain("Dit soort bestand kun je niet toevoegen");
    const anonymous = await postForm(null, "/uploads", {}, [{ name: "plaatje.png", bytes: await png() }], "file");
    expect(anonymous.status).toBe(401);

    const thread = await threadIn("goed-werk-in-de-praktijk");
    expect((await reply(eva, thread, `Kijk eens:\n\n${markdown}`, [])).status).toBe(302);
    expect((await visitor().get(`/files/${id}/plaatje.png`)).status).toBe(200);
  });

  it("refuses uploads beyond the member's bytes per day (429), keeping the text", async () => {
    const bram = await as("bram");
    const thread = await threadIn("goed-werk-in-de-praktijk");
    for (let i = 0; i < 3; i++) {
      expect((await reply(bram, thread, `Deel ${i}`, [{ name: `deel-${i}.pdf`, bytes: pdf(180_000) }])).status).toBe(302);
    }
    const refused = await reply(bram, thread, "Nog eentje", [{ name: "deel-3.pdf", bytes: pdf(180_000) }]);
    expect(refused.status).toBe(429);
    const html = await refused.text();
    expect(visibleText(html)).toContain("Je hebt vandaag al veel bestanden toegevoegd");
    expect(html).toContain("Nog eentje");
  });

  it("uploads sent side by side cannot pass the day's bytes together, and a post may not reference more files than allowed", async () => {
    const anna = await as("anna");
    // Six PDFs of 150 kB at once against 600 kB a day: at most four may be stored.
    const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => postForm(anna, "/uploads", {}, [{ name: `stuk-${i}.pdf`, bytes: pdf(150_000) }], "file")));
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses.filter((status) => status === 200).length).toBeLessThanOrEqual(4);
    expect(statuses).toContain(429);
    const stored = await forum.handle.db
      .selectFrom("attachments")
      .innerJoin("members", "members.id", "attachments.uploader_id")
      .select((eb) => eb.fn.sum<string>("byte_size").as("bytes"))
      .where("members.username", "=", "anna")
      .executeTakeFirstOrThrow();
    expect(Number(stored.bytes)).toBeLessThanOrEqual(600_000);

    // Eleven references to uploaded files in one reply (ten allowed): refused, the text kept.
    const thread = await threadIn("goed-werk-in-de-praktijk");
    const many = Array.from({ length: 11 }, (_, i) => `![p${i}](/files/${1000 + i}/p${i}.png)`).join("\n\n");
    const refused = await reply(anna, thread, `Veel plaatjes\n\n${many}`, []);
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain("Veel plaatjes");
    // An id beyond any stored file is just text, never a 500.
    expect((await reply(anna, thread, "Verwijzing ![x](/files/9999999999/x.png)", [])).status).toBe(302);
    expect((await visitor().get("/avatars/anna/9999999999-48.webp")).status).toBe(404);
  });

  it("clears uploads no post took up after a week, unless a draft still holds them", async () => {
    const daan = await as("daan");
    const upload = async (name: string) => {
      const answer = await postForm(daan, "/uploads", {}, [{ name, bytes: await png(), type: "image/png" }], "file");
      expect(answer.status).toBe(200);
      return (await answer.json()) as { id: number; markdown: string };
    };
    const abandoned = await upload("weg.png");
    const kept = await upload("bewaard.png");
    const posted = await upload("geplaatst.png");
    const recent = await upload("vandaag.png");
    const thread = await threadIn("goed-werk-in-de-praktijk");
    // A draft for a new conversation (posting the reply below deletes the reply's draft).
    expect((await daan.post("/drafts/save", { group: "goed-werk-in-de-praktijk", title: "Later", body: `Later verder\n\n${kept.markdown}` })).status).toBe(200);
    expect((await reply(daan, thread, `Hier is hij\n\n${posted.markdown}`, [])).status).toBe(302);
    // Eight days old (created_at is not updatable through the typed schema).
    await sql`update attachments set created_at = now() - interval '8 days' where id in (${sql.join([abandoned.id, kept.id, posted.id])})`.execute(forum.handle.db);

    await removeLooseUploads(forum.handle.db);
    expect((await daan.get(`/files/${abandoned.id}/weg.png`)).status).toBe(404);
    expect((await daan.get(`/files/${kept.id}/bewaard.png`)).status).toBe(200);
    expect((await visitor().get(`/files/${posted.id}/geplaatst.png`)).status).toBe(200);
    expect((await daan.get(`/files/${recent.id}/vandaag.png`)).status).toBe(200);
  });

  it("reads a large form only where files may be sent, from our own pages, with a session", async () => {
    const big = new Uint8Array(2 * 1024 * 1024);
    const toLogin = await postForm(null, "/login", { identifier: "anna" }, [{ name: "groot.pdf", bytes: big }]);
    expect(toLogin.status).toBe(413);
    const eva = await as("eva");
    const thread = await threadIn("goed-werk-in-de-praktijk");
    const elsewhere = await postForm(eva, "/settings/email", {}, [{ name: "groot.pdf", bytes: big }]);
    expect(elsewhere.status).toBe(413);
    // The same size to a reply is read, and then refused for the file's own size (200 kB here), with the text kept.
    const answer = await reply(eva, thread, "Met een groot bestand", [{ name: "groot.pdf", bytes: big }]);
    expect(answer.status).toBe(413);
    expect(await answer.text()).toContain("Met een groot bestand");
  });

  it("an avatar: cropped square at three sizes, without metadata, on a versioned address anyone may load; refused files keep the form; removing it brings back the initials", async () => {
    const eva = await as("eva");
    const refused = await postForm(eva, "/settings?index&part=avatar", { intent: "uploadAvatar" }, [{ name: "cv.pdf", bytes: pdf() }], "avatar");
    expect(refused.status).toBe(422);
    expect(visibleText(await refused.text())).toContain("Dit soort bestand kun je niet toevoegen");

    const saved = await postForm(eva, "/settings?index&part=avatar", { intent: "uploadAvatar" }, [{ name: "ik.jpg", bytes: await photoWithGps() }], "avatar");
    expect(saved.status).toBe(200);
    expect(visibleText(await saved.text())).toContain("Je profielfoto is opgeslagen.");
    const version = (await forum.handle.db.selectFrom("members").select("avatar_version").where("username", "=", "eva").executeTakeFirstOrThrow()).avatar_version;
    expect(version).toBe(1);
    for (const size of [48, 96, 256]) {
      const image = await visitor().get(`/avatars/eva/${version}-${size}.webp`);
      expect(image.status).toBe(200);
      expect(image.headers.get("content-type")).toBe("image/webp");
      expect(image.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
      const metadata = await sharp(Buffer.from(await image.arrayBuffer())).metadata();
      expect([metadata.width, metadata.height, metadata.exif]).toEqual([size, size, undefined]);
    }
    expect((await visitor().get(`/avatars/eva/${version! + 1}-96.webp`)).status).toBe(404);
    const thread = await threadIn("goed-werk-in-de-praktijk");
    expect((await reply(eva, thread, "Met foto", [])).status).toBe(302);
    expect(await (await visitor().get(`/t/${thread.id}/${thread.slug}?page=1`)).text()).toContain(`src="/avatars/eva/${version}-96.webp"`);
    // Wherever her initials were: her own header, her profile, the circle's page and members list.
    const photo = `/avatars/eva/${version}-`;
    for (const path of ["/", "/u/eva", "/g/goed-werk-in-de-praktijk", "/g/goed-werk-in-de-praktijk/members"]) {
      expect(await (await eva.get(path)).text(), path).toContain(photo);
    }
    expect(await (await visitor().get("/u/eva")).text()).toContain(photo);

    const removed = await postForm(eva, "/settings?index&part=avatar", { intent: "removeAvatar" }, [], "avatar");
    expect(visibleText(await removed.text())).toContain("Je profielfoto is weggehaald.");
    expect((await visitor().get(`/avatars/eva/${version}-96.webp`)).status).toBe(404);
  });
});
