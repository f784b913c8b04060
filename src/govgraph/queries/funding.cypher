// name: funding
// description: Money bodies allocated: date, body, sum in SEK, purpose, reported or not, protocol
// description: and item — plus year_total_sek, the body's total for that year over the sums it
// description: decided itself (reported = false, so a decision reported again elsewhere is not
// description: counted twice).
// param: body SEARCH optional — only allocations by bodies whose name matches
// param: year YEAR optional — only allocations of this year (YYYY)
// suggest: Body.name
// order: date, protocol, item, purpose
// example: govgraph ask funding --body Chefsgrupp
// example: govgraph ask funding --year 2024 --csv
// total: total_rows
// Totals are summed over every allocation of a body and year before the first $limit rows by
// date are picked, so they stay true totals when only some rows are shown; total_rows counts
// every row in the same pass. A decision read from
// several documents (copies of one protocol, each adding its own edges) is listed, and summed, once, with the first
// protocol by name. The body filter is a CASE so that no --body costs no regular expressions.
WITH $body AS bt, $year AS year
MATCH (d:Decision)
WHERE d.kind = 'allocate' AND (year = '' OR left(d.date, 4) = year)
OPTIONAL MATCH (b:Body)-[:DECIDED]->(d)
WITH d, b, bt
WHERE CASE WHEN bt = '' THEN true
           ELSE coalesce(b.name, d.by) =~ bt OR any(x IN b.aliases WHERE x =~ bt) END
WITH DISTINCT coalesce(b.name, d.by) AS body, d.date AS date, d.id AS did,
     CASE WHEN d.reported THEN 0 ELSE coalesce(d.amount_sek, 0) END AS counted
WITH body, left(date, 4) AS year, collect({date: date, id: did}) AS found, sum(counted) AS total
WITH collect({body: body, year: year, total: total, found: found}) AS groups,
     sum(size(found)) AS total_rows
UNWIND groups AS g
UNWIND g.found AS f
WITH total_rows, g.body AS body, g.year AS year, g.total AS total, f.date AS date, f.id AS did
ORDER BY date, did LIMIT $limit
MATCH (d:Decision {id: did})
OPTIONAL MATCH (d)-[:RECORDED_IN]->(doc:Document)
WITH total_rows, date, body, year, total, d, min(doc.name) AS protocol
RETURN total_rows, date, body, d.amount_sek AS amount_sek, d.subject AS purpose, d.reported AS reported,
       year, total AS year_total_sek, d.text AS wording, protocol, d.item AS item
