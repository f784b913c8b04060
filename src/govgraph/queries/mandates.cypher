// name: mandates
// description: Tasks (mandates) bodies gave to people, bodies and organisations: date, body,
// description: who got the task, the task, the act's wording, reported or not, protocol and item.
// param: body SEARCH optional — only mandates given by bodies whose name matches
// param: since DATE optional — only mandates from this date on (YYYY, YYYY-MM or YYYY-MM-DD)
// suggest: Body.name
// order: date, protocol, item, task
// example: govgraph ask mandates
// example: govgraph ask mandates --body chefsgrupp --since 2024-01-01
// total: total_rows
// The first $limit rows by date are picked (on dates, ids and assignee names only; the decision
// is then found again by id) before the rest is looked up; total_rows counts every row in the
// same pass (collected once, before the limit). A
// decision read from several documents (copies of one protocol, each adding its own edges) is
// listed once, with the first protocol by name. The body filter is a CASE so that no --body costs no regular expressions.
WITH $body AS bt, $since AS since
MATCH (d:Decision)
WHERE d.kind = 'assign' AND (since = '' OR d.date >= since)
OPTIONAL MATCH (b:Body)-[:DECIDED]->(d)
WITH d, b, bt
WHERE CASE WHEN bt = '' THEN true
           ELSE coalesce(b.name, d.by) =~ bt OR any(x IN b.aliases WHERE x =~ bt) END
OPTIONAL MATCH (d)-[:ASSIGNED_TO]->(x)
WITH DISTINCT d.date AS date, d.id AS did, b.name AS body, x.name AS assignee
WITH collect({date: date, did: did, body: body, assignee: assignee}) AS found
UNWIND found AS f
WITH size(found) AS total_rows, f.date AS date, f.did AS did, f.body AS body, f.assignee AS assignee
ORDER BY date, did, assignee LIMIT $limit
MATCH (d:Decision {id: did})
OPTIONAL MATCH (d)-[:RECORDED_IN]->(doc:Document)
WITH total_rows, date, body, assignee, d, min(doc.name) AS protocol
RETURN total_rows, date, coalesce(body, d.by) AS body, coalesce(assignee, d.assignee) AS assignee,
       d.subject AS task, d.text AS wording, d.reported AS reported, protocol, d.item AS item
