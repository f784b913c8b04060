// name: agreement
// description: An agreement's path through the bodies over time: who presented it, which
// description: bodies approved, recommended (to whom), rejected or noted it, who was mandated,
// description: follow-ups and reports — ordered by date. NAME matches the agreement's name or
// description: aliases, a party organisation (e.g. NSPH) or the title of an item that treated it.
// param: name SEARCH — words of the agreement's name, an alias, a party or an item title
// suggest: Agreement.name, Organization.name
// order: date, protocol, item, agreement, event
// example: govgraph ask agreement NSPH
// example: govgraph ask agreement "samverkan vid utskrivning" --csv
// Step 1 resolves the agreements NAME stands for.
WITH $name AS t
OPTIONAL MATCH (a:Agreement)
WHERE a.name =~ t OR any(x IN a.aliases WHERE x =~ t)
   OR EXISTS { MATCH (o:Organization)-[:PARTY_TO]->(a)
               WHERE o.name =~ t OR any(x IN o.aliases WHERE x =~ t) }
   OR EXISTS { MATCH (i:AgendaItem)-[:RESULTED_IN]->(:Decision)-[:CONCERNS]->(a)
               WHERE i.title =~ t }
RETURN collect(a.id) AS agreements
;
// Step 2: each part picks its first $limit rows by date before looking up their details (the
// library merges the parts and keeps the first $limit of them). A decision read from several
// documents (copies of one protocol) is listed once, with the first protocol by name.
MATCH (d:Decision)-[:CONCERNS]->(a:Agreement)
WHERE a.id IN $agreements
WITH DISTINCT d.date AS date, d.id AS did, a.id AS aid ORDER BY date, did, aid LIMIT $limit
// (the two ends found again by id, each a primary-key lookup; matching the CONCERNS edge
// again between them cost LadybugDB twice the time of the whole part)
MATCH (d:Decision {id: did})
MATCH (a:Agreement {id: aid})
OPTIONAL MATCH (b:Body)-[:DECIDED]->(d)
OPTIONAL MATCH (item:AgendaItem)-[:RESULTED_IN]->(d)
OPTIONAL MATCH (p:Person)-[:PRESENTED]->(item)
OPTIONAL MATCH (d)-[:ASSIGNED_TO]->(x)
OPTIONAL MATCH (b)-[rec:RECOMMENDED]->(a)
WHERE rec.decision = d.id
OPTIONAL MATCH (d)-[:RECORDED_IN]->(doc:Document)
WITH a, d, b.name AS body, item, rec.`to` AS recommended_to, x.name AS mandated,
     collect(DISTINCT p.name) AS presented_by, min(doc.name) AS protocol
RETURN d.date AS date, a.name AS agreement, d.kind AS event, coalesce(body, d.by) AS body,
       presented_by, recommended_to, coalesce(mandated, d.assignee) AS mandated,
       d.text AS wording, d.reported AS reported, protocol,
       coalesce(item.number, d.item) AS item
UNION ALL
MATCH (p:Person)-[r:PRESENTED]->(a:Agreement)
WHERE a.id IN $agreements
WITH p, r, a ORDER BY r.date, r.source, r.item LIMIT $limit
OPTIONAL MATCH (doc:Document {id: r.source})
OPTIONAL MATCH (m:Meeting)-[:RECORDED_IN]->(doc)
RETURN r.date AS date, a.name AS agreement, 'presented' AS event, m.body AS body,
       [p.name] AS presented_by, CASE WHEN false THEN [''] END AS recommended_to,
       CASE WHEN false THEN '' END AS mandated, r.quote AS wording,
       CASE WHEN false THEN true END AS reported, doc.name AS protocol, r.item AS item
