// name: mandates
// description: Tasks (mandates) bodies gave to people, bodies and organisations: date, body,
// description: who got the task, the task, the act's wording, reported or not, protocol and item.
// param: body SEARCH optional — only mandates given by bodies whose name matches
// param: since DATE optional — only mandates from this date on (YYYY, YYYY-MM or YYYY-MM-DD)
// suggest: Body.name
// order: date, protocol, item, task
// example: govgraph ask mandates
// example: govgraph ask mandates --body chefsgrupp --since 2024-01-01
WITH $body AS bt, $since AS since
MATCH (d:Decision)
WHERE d.kind = 'assign' AND (since = '' OR d.date >= since)
OPTIONAL MATCH (b:Body)-[:DECIDED]->(d)
WITH d, b, bt
WHERE bt = '' OR coalesce(b.name, d.by) =~ bt OR any(x IN b.aliases WHERE x =~ bt)
OPTIONAL MATCH (d)-[:ASSIGNED_TO]->(x)
OPTIONAL MATCH (d)-[:RECORDED_IN]->(doc:Document)
RETURN d.date AS date, coalesce(b.name, d.by) AS body, coalesce(x.name, d.assignee) AS assignee,
       d.subject AS task, d.text AS wording, d.reported AS reported,
       doc.name AS protocol, d.item AS item
