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
// total: total_rows
// Step 1 collects the matching decisions: agreements first (few, then their decisions), then
// decision subjects and item titles, one scan each; the lists are joined, not deduplicated
// (step 2 does that). (LadybugDB cannot read a query parameter inside any(); it is bound to t.)
// Step 2 counts the decisions (total_rows) and picks the first $limit by date (on date and id
// only, found again by id) before looking up their bodies, items, presenters and protocols (a decision read from several
// documents, copies of one protocol, is listed once, with the first protocol by name).
WITH $text AS t
OPTIONAL MATCH (a:Agreement)
WHERE a.name =~ t OR any(x IN a.aliases WHERE x =~ t)
OPTIONAL MATCH (a)<-[:CONCERNS]-(d:Decision)
WITH collect(d.id) AS by_agreement
OPTIONAL MATCH (d:Decision)
WHERE d.subject =~ $text
WITH by_agreement, collect(d.id) AS by_subject
OPTIONAL MATCH (i:AgendaItem)-[:RESULTED_IN]->(d:Decision)
WHERE i.title =~ $text
WITH by_agreement, by_subject, collect(d.id) AS by_item
RETURN by_subject + by_item + by_agreement AS decisions
;
UNWIND $decisions AS did
WITH DISTINCT did
MATCH (d:Decision {id: did})
WITH collect({date: d.date, id: d.id}) AS found
UNWIND found AS f
WITH size(found) AS total_rows, f.date AS date, f.id AS id ORDER BY date, id LIMIT $limit
MATCH (d:Decision {id: id})
OPTIONAL MATCH (b:Body)-[:DECIDED]->(d)
OPTIONAL MATCH (item:AgendaItem)-[:RESULTED_IN]->(d)
OPTIONAL MATCH (p:Person)-[:PRESENTED]->(item)
OPTIONAL MATCH (d)-[:RECORDED_IN]->(doc:Document)
WITH total_rows, d, b, item, collect(DISTINCT p.name) AS presenters, min(doc.name) AS protocol
RETURN total_rows, d.date AS date, coalesce(b.name, d.by) AS body, d.kind AS kind, d.subject AS subject,
       d.text AS wording, presenters, d.reported AS reported,
       protocol, coalesce(item.number, d.item) AS item, item.title AS item_title,
       d.id AS decision
