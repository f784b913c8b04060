// name: body
// description: A body (council, board, management or working group …): its decisions counted
// description: by kind, members over time, meetings held, every decision, and its parent and
// description: child bodies. NAME matches the body's name or aliases, case and å/ä/ö insensitive.
// param: name SEARCH — words of the body's name or an alias
// param: since DATE optional — only meetings and decisions from this date on
// suggest: Body.name
// order: body, section, date, protocol, item, detail
// limit_per: section
// example: govgraph ask body Chefsgrupp
// example: govgraph ask body "specifika samverkansrådet" --since 2022 --json
// Step 1 resolves the bodies NAME stands for. In step 2 the long parts (members, meetings,
// decisions) each pick their first $limit rows by date before looking up details; the limit
// applies to each section (limit_per), so a table shows some of every section.
WITH $name AS t
OPTIONAL MATCH (b:Body)
WHERE b.name =~ t OR any(x IN b.aliases WHERE x =~ t)
RETURN collect(b.id) AS bodies
;
WITH $since AS since
MATCH (b:Body)-[:DECIDED]->(d:Decision)
WHERE b.id IN $bodies AND (since = '' OR d.date >= since)
WITH b, d.kind AS kind, count(d) AS n, min(d.date) AS first, max(d.date) AS last
RETURN b.name AS body, '1 decisions by kind' AS section, first AS date, kind AS fact,
       'decisions ' + first + ' – ' + last AS detail, n AS count,
       CASE WHEN false THEN '' END AS protocol, CASE WHEN false THEN '' END AS item
UNION ALL
WITH $since AS since
MATCH (b:Body)
WHERE b.id IN $bodies
MATCH (b)-[:PART_OF]->(parent:Body|Organization)
RETURN b.name AS body, '2 part of' AS section, CASE WHEN false THEN '' END AS date,
       'part of' AS fact, parent.name AS detail, CASE WHEN false THEN 0 END AS count,
       CASE WHEN false THEN '' END AS protocol, CASE WHEN false THEN '' END AS item
UNION ALL
WITH $since AS since
MATCH (b:Body)
WHERE b.id IN $bodies
MATCH (child:Body)-[:PART_OF]->(b)
RETURN b.name AS body, '2 part of' AS section, CASE WHEN false THEN '' END AS date,
       'has part' AS fact, child.name AS detail, CASE WHEN false THEN 0 END AS count,
       CASE WHEN false THEN '' END AS protocol, CASE WHEN false THEN '' END AS item
UNION ALL
WITH $since AS since
MATCH (p:Person)-[r:MEMBER_OF]->(b:Body)
WHERE b.id IN $bodies AND (since = '' OR coalesce(r.last_seen, r.first_seen, '9999') >= since)
WITH p, r, b ORDER BY b.name, r.first_seen, p.name LIMIT $limit
RETURN b.name AS body, '3 members' AS section, r.first_seen AS date, coalesce(r.role, 'member') AS fact,
       p.name + CASE WHEN r.last_seen IS NULL THEN '' ELSE ' (seen until ' + r.last_seen + ')' END AS detail,
       CASE WHEN false THEN 0 END AS count, CASE WHEN false THEN '' END AS protocol, r.item AS item
UNION ALL
WITH $since AS since
MATCH (b:Body)-[:HELD]->(m:Meeting)
WHERE b.id IN $bodies AND (since = '' OR m.date >= since)
WITH b, m ORDER BY b.name, m.date, m.id LIMIT $limit
OPTIONAL MATCH (m)-[:RECORDED_IN]->(doc:Document)
OPTIONAL MATCH (m)-[:HAS_ITEM]->(i:AgendaItem)
WITH b, m, min(doc.name) AS protocol, count(DISTINCT i) AS items
RETURN b.name AS body, '4 meetings' AS section, m.date AS date, 'meeting' AS fact,
       coalesce(m.place, '') AS detail, items AS count, protocol, CASE WHEN false THEN '' END AS item
UNION ALL
WITH $since AS since
MATCH (b:Body)-[:DECIDED]->(d:Decision)
WHERE b.id IN $bodies AND (since = '' OR d.date >= since)
WITH b, d ORDER BY b.name, d.date, d.id LIMIT $limit
OPTIONAL MATCH (d)-[:RECORDED_IN]->(doc:Document)
WITH b, d, min(doc.name) AS protocol
RETURN b.name AS body, '5 decisions' AS section, d.date AS date,
       d.kind + CASE WHEN d.reported THEN ' (reported)' ELSE '' END AS fact,
       d.subject AS detail, CASE WHEN false THEN 0 END AS count, protocol, d.item AS item
