// name: person
// description: A person over time: meetings attended (role, title, organisation), chair,
// description: secretary and adjuster duties, items and agreements presented, bodies and posts,
// description: organisations represented, mandates and appointments received. NAME matches the
// description: person's name or a recorded variant, case and å/ä/ö insensitive.
// param: name SEARCH — the person's name (or part of it)
// suggest: Person.name
// order: person, date, protocol, item, fact
// example: govgraph ask person "Ingmar Ångman"
// example: govgraph ask person angman --since 2022
// param: since DATE optional — only facts from this date on (YYYY, YYYY-MM or YYYY-MM-DD)
// Step 1 resolves the people NAME stands for. Step 2 takes no row limit: one person's facts
// are few (the library cuts a long answer after sorting it; picking the first rows of each
// part in the engine made it slower).
WITH $name AS t
OPTIONAL MATCH (p:Person)
WHERE p.name =~ t OR any(x IN p.aliases WHERE x =~ t)
RETURN collect(p.id) AS people
;
WITH $since AS since
MATCH (p:Person)-[r:ATTENDED]->(m:Meeting)
WHERE p.id IN $people AND (since = '' OR m.date >= since)
OPTIONAL MATCH (doc:Document {id: r.source})
RETURN p.name AS person, m.date AS date,
       CASE WHEN r.present = false THEN 'absent from meeting' ELSE 'attended meeting' END AS fact,
       m.body AS body,
       coalesce(r.role, '') + CASE WHEN r.title IS NULL THEN '' ELSE ', ' + r.title END
         + CASE WHEN r.organization IS NULL THEN '' ELSE ', ' + r.organization END AS detail,
       doc.name AS protocol, CASE WHEN false THEN '' END AS item
UNION ALL
WITH $since AS since
MATCH (p:Person)-[r:OFFICER_OF]->(m:Meeting)
WHERE p.id IN $people AND (since = '' OR m.date >= since)
OPTIONAL MATCH (doc:Document {id: r.source})
RETURN p.name AS person, m.date AS date, 'officer: ' + r.role AS fact, m.body AS body,
       '' AS detail, doc.name AS protocol, CASE WHEN false THEN '' END AS item
UNION ALL
WITH $since AS since
MATCH (p:Person)-[r:PRESENTED]->(x:AgendaItem|Agreement)
WHERE p.id IN $people AND (since = '' OR r.date >= since)
OPTIONAL MATCH (doc:Document {id: r.source})
OPTIONAL MATCH (m:Meeting)-[:RECORDED_IN]->(doc)
RETURN p.name AS person, r.date AS date, 'presented' AS fact, m.body AS body,
       coalesce(x.title, x.name) AS detail, doc.name AS protocol, r.item AS item
UNION ALL
WITH $since AS since
MATCH (p:Person)-[r:MEMBER_OF]->(b:Body)
WHERE p.id IN $people AND (since = '' OR coalesce(r.last_seen, r.first_seen, '9999') >= since)
OPTIONAL MATCH (doc:Document {id: r.source})
RETURN p.name AS person, r.first_seen AS date, 'member of' AS fact, b.name AS body,
       coalesce(r.role, '') + CASE WHEN r.last_seen IS NULL THEN '' ELSE ' (seen until ' + r.last_seen + ')' END AS detail,
       doc.name AS protocol, r.item AS item
UNION ALL
WITH $since AS since
MATCH (p:Person)-[r:HOLDS]->(post:Post)
WHERE p.id IN $people AND (since = '' OR coalesce(r.last_seen, r.first_seen, '9999') >= since)
OPTIONAL MATCH (post)-[:OF]->(o:Body|Organization)
OPTIONAL MATCH (doc:Document {id: r.source})
RETURN p.name AS person, r.first_seen AS date, 'holds post' AS fact, coalesce(o.name, post.of_name) AS body,
       post.name + CASE WHEN r.last_seen IS NULL THEN '' ELSE ' (seen until ' + r.last_seen + ')' END AS detail,
       doc.name AS protocol, r.item AS item
UNION ALL
WITH $since AS since
MATCH (p:Person)-[r:REPRESENTS]->(o:Organization)
WHERE p.id IN $people AND (since = '' OR coalesce(r.last_seen, r.first_seen, '9999') >= since)
OPTIONAL MATCH (doc:Document {id: r.source})
RETURN p.name AS person, r.first_seen AS date, 'represents' AS fact, o.name AS body,
       CASE WHEN r.last_seen IS NULL THEN '' ELSE 'seen until ' + r.last_seen END AS detail,
       doc.name AS protocol, r.item AS item
UNION ALL
WITH $since AS since
MATCH (d:Decision)-[:ASSIGNED_TO]->(p:Person)
WHERE p.id IN $people AND (since = '' OR d.date >= since)
OPTIONAL MATCH (b:Body)-[:DECIDED]->(d)
OPTIONAL MATCH (d)-[:RECORDED_IN]->(doc:Document)
WITH d, p, min(b.name) AS body, min(doc.name) AS protocol
RETURN p.name AS person, d.date AS date,
       CASE WHEN d.kind = 'appoint' THEN 'appointed by' ELSE 'given a task by' END AS fact,
       coalesce(body, d.by) AS body, d.subject AS detail, protocol, d.item AS item
