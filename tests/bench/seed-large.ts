import { sql } from "kysely";
import type { Database } from "../../db/index";
import { hashPassword } from "../../app/domain/accounts/passwords.server";

export const BENCH_PASSWORD = "goedwerk-bench";
export const LONG_THREAD_POSTS = 5000;

/**
 * A large network for the benchmark, written in set-based SQL (a minute,
 * not an hour): 300 members, 50 circles (40 public), 20,000 threads, about
 * 505,000 posts, of which one thread holds 5,000, plus tags and reactions.
 */
export async function seedLargeNetwork(db: Database, log: (line: string) => void): Promise<void> {
  const hash = await hashPassword(BENCH_PASSWORD);
  const step = async (label: string, query: ReturnType<typeof sql>) => {
    const started = Date.now();
    await query.execute(db);
    log(`  ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  };
  await step(
    "members",
    sql`insert into members (username, display_name, email, email_verified_at, password_hash, site_role)
        select 'lid' || i, 'Lid ' || i, 'lid' || i || '@bench.example', now(), ${hash}, 'member'
        from generate_series(1, 300) i`,
  );
  await step(
    "circles",
    sql`insert into groups (slug, name, description, visibility, listed, join_policy)
        select 'kring-' || i, 'Kring ' || i, 'Een kring over goed werk, nummer ' || i,
               case when i <= 40 then 'public' else 'private' end, true,
               case when i <= 40 then 'open' else 'request' end
        from generate_series(1, 50) i`,
  );
  await step(
    "memberships",
    sql`insert into group_members (group_id, member_id, role)
        select distinct on (g.id, m.id) g.id, m.id, case when (m.n - 1) % 50 + 1 = g.n then 'owner' else 'member' end
        from (select id, row_number() over (order by username) n from members where username like 'lid%') m
        join (select id, row_number() over (order by slug) n from groups where slug like 'kring-%') g
          on g.n in ((m.n - 1) % 50 + 1, (m.n * 7) % 50 + 1, (m.n * 13) % 50 + 1)`,
  );
  await step(
    "threads",
    sql`with m as (select array_agg(id order by username) ids from members where username like 'lid%'),
             g as (select array_agg(id order by (substring(slug from 7))::int) ids from groups where slug like 'kring-%'),
             topics as (select array[
               'Wanneer is werk goed werk', 'Leren op de werkvloer', 'Regels schrappen in de zorg', 'Zelfstandig naast je baan',
               'Vakmanschap in het onderwijs', 'Vertrouwen in professionals', 'Verbinding in het wijkteam', 'Werkdruk en wachtlijsten',
               'Intervisie die werkt', 'Een positief mensbeeld in de praktijk', 'Duurzaam organiseren', 'De eerste opdracht',
               'Samen leren van fouten', 'Ruimte voor de professional', 'Goed opdrachtgeverschap', 'Netwerken zonder verplichtingen'
             ] t)
        insert into threads (group_id, author_id, title, slug, post_count, last_posted_at, created_at)
        select g.ids[(i - 1) % 50 + 1], m.ids[(i * 31) % 300 + 1],
               topics.t[i % 16 + 1] || ' (' || i || ')',
               lower(regexp_replace(topics.t[i % 16 + 1], '[^a-zA-Z0-9]+', '-', 'g')) || '-' || i,
               case when i = 1 then ${LONG_THREAD_POSTS} else 1 + i % 49 end,
               now() - (20000 - i) * interval '47 minutes',
               now() - (20000 - i) * interval '47 minutes' - interval '3 days'
        from generate_series(1, 20000) i, m, g, topics`,
  );
  await step(
    "posts",
    sql`with m as (select array_agg(id order by username) ids from members where username like 'lid%'),
             s as (select array[
               'Ik herken dit uit mijn eigen praktijk.', 'Wat mij opvalt is hoeveel ruimte er ontstaat als we het team vertrouwen.',
               'Kunnen we dit meenemen naar de volgende bijeenkomst van de kring?', 'Bij ons werkte het om klein te beginnen, met één team.',
               'Goed werk doet goed en voelt goed, maar het vraagt ook iets van de organisatie.', 'Ik ben benieuwd hoe anderen dit aanpakken.',
               'De regels waren ooit bedoeld om te helpen; nu staan ze het werk in de weg.', 'Leren en doen horen bij elkaar, ook na de opleiding.',
               'Een professionele vriend vroeg me laatst precies dit.', 'Dank voor het delen, dit geeft me moed.',
               'Misschien is de vraag niet hoe, maar waarom we dit willen.', 'Wie heeft er ervaring mee in het onderwijs?'
             ] t)
        insert into posts (thread_id, number, author_id, body_markdown, body_html, created_at)
        select t.id, n, m.ids[(t.id * 7 + n * 13) % 300 + 1],
               s.t[n % 12 + 1] || E'\n\n' || s.t[(n * 7 + t.id) % 12 + 1],
               '<p>' || s.t[n % 12 + 1] || E'</p>\n<p>' || s.t[(n * 7 + t.id) % 12 + 1] || '</p>',
               t.last_posted_at - (t.post_count - n) * interval '5 minutes'
        from threads t cross join lateral generate_series(1, t.post_count) n, m, s
        where t.slug ~ '-[0-9]+$'`,
  );
  await step(
    "last posters",
    sql`update threads set last_poster_id = p.author_id from posts p where p.thread_id = threads.id and p.number = threads.post_count and threads.last_poster_id is null`,
  );
  await step(
    "principle tags",
    sql`with p as (select array['leren-en-realiseren', 'goed-werk', 'positief-mensbeeld', 'verbindingen', 'ecologisch-perspectief'] s)
        insert into thread_principles (thread_id, principle_slug)
        select id, p.s[id % 5 + 1] from threads, p
        union
        select id, p.s[(id + 2) % 5 + 1] from threads, p where id % 3 = 0
        on conflict do nothing`,
  );
  await step(
    "reactions",
    sql`with m as (select array_agg(id order by username) ids from members where username like 'lid%')
        insert into post_reactions (post_id, member_id, kind)
        select p.id, m.ids[(p.id * 11) % 300 + 1], (array['agree', 'heart', 'insight', 'thanks'])[p.id % 4 + 1]
        from posts p, m where p.id % 10 = 0
        on conflict do nothing`,
  );
  await step("analyse", sql`analyze`);
}
