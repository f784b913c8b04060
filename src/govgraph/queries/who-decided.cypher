// name: who-decided
// description: Who decided what through which body: every decision whose subject, agreement
// description: or agenda-item title matches TEXT (case and å/ä/ö insensitive), with the date,
// description: deciding body, kind, the act's wording, the item's presenters, whether it was
// description: only reported from another body, and the protocol and item it was read from.
// param: text SEARCH — words to look for in decision subjects, agreement names and item titles
// suggest: Agreement.name, Decision.subject, AgendaItem.title
// order: date, protocol, item, decision
// example: govgraph ask who-decided utskrivning
// example: govgraph ask who-decided "psykisk hälsa" --json
// Step 1 collects the matching decisions (three scans, no per-decision subqueries).
// (LadybugDB cannot read a query parameter inside any(); it is bound to t first.)
WITH $text AS t
OPTIONAL MATCH (d:Decision)
WHERE d.subject =~ t
WITH t, collect(d.id) AS by_subject
OPTIONAL MATCH (i:AgendaItem)-[:RESULTED_IN]->(d:Decision)
WHERE i.title =~ t
WITH t, by_subject, collect(d.id) AS by_item
OPTIONAL MATCH (a:Agreement)<-[:CONCERNS]-(d:Decision)
WHERE a.name =~ t OR any(x IN a.aliases WHERE x =~ t)
WITH by_subject, by_item, collect(d.id) AS by_agreement
UNWIND [by_subject, by_item, by_agreement] AS found
UNWIND found AS id
RETURN collect(DISTINCT id) AS decisions
;
UNWIND $decisions AS did
MATCH (d:Decision {id: did})
OPTIONAL MATCH (b:Body)-[:DECIDED]->(d)
OPTIONAL MATCH (item:AgendaItem)-[:RESULTED_IN]->(d)
OPTIONAL MATCH (p:Person)-[:PRESENTED]->(item)
OPTIONAL MATCH (d)-[:RECORDED_IN]->(doc:Document)
WITH d, b, item, doc, collect(DISTINCT p.name) AS presenters
RETURN d.date AS date, coalesce(b.name, d.by) AS body, d.kind AS kind, d.subject AS subject,
       d.text AS wording, presenters, d.reported AS reported,
       doc.name AS protocol, coalesce(item.number, d.item) AS item, item.title AS item_title,
       d.id AS decision
