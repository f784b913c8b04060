// name: who-decided
// description: Who decided what through which body: every decision whose subject, agreement
// description: or agenda-item title matches TEXT (case and å/ä/ö insensitive), with the date,
// description: deciding body, kind, the act's wording, the item's presenters, whether it was
// description: only reported from another body, and the protocol and item it was read from.
// param: text SEARCH — words to look for in decision subjects, agreement names and item titles
// suggest: Agreement.name, Decision.subject, AgendaItem.title
// example: govgraph ask who-decided utskrivning
// example: govgraph ask who-decided "psykisk hälsa" --json
WITH $text AS t
MATCH (d:Decision)
WHERE gg_fold(d.subject) CONTAINS t
   OR EXISTS { MATCH (i:AgendaItem)-[:RESULTED_IN]->(d) WHERE gg_fold(i.title) CONTAINS t }
   OR EXISTS { MATCH (d)-[:CONCERNS]->(a:Agreement)
               WHERE gg_fold(a.name) CONTAINS t OR any(x IN a.aliases WHERE gg_fold(x) CONTAINS t) }
OPTIONAL MATCH (b:Body)-[:DECIDED]->(d)
OPTIONAL MATCH (item:AgendaItem)-[:RESULTED_IN]->(d)
OPTIONAL MATCH (p:Person)-[:PRESENTED]->(item)
OPTIONAL MATCH (d)-[:RECORDED_IN]->(doc:Document)
WITH d, b, item, doc, collect(DISTINCT p.name) AS presenters
RETURN d.date AS date, coalesce(b.name, d.by) AS body, d.kind AS kind, d.subject AS subject,
       d.text AS wording, presenters, d.reported AS reported,
       doc.name AS protocol, coalesce(item.number, d.item) AS item, item.title AS item_title,
       d.id AS decision
ORDER BY date, protocol, decision
