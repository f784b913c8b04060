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
WITH $body AS bt, $year AS year
MATCH (d:Decision)
WHERE d.kind = 'allocate' AND (year = '' OR left(d.date, 4) = year)
OPTIONAL MATCH (b:Body)-[:DECIDED]->(d)
WITH d, b, bt
WHERE bt = '' OR coalesce(b.name, d.by) =~ bt OR any(x IN b.aliases WHERE x =~ bt)
OPTIONAL MATCH (d)-[:RECORDED_IN]->(doc:Document)
WITH coalesce(b.name, d.by) AS body, left(d.date, 4) AS year,
     collect({date: d.date, amount: d.amount_sek, purpose: d.subject, reported: d.reported,
              wording: d.text, protocol: doc.name, item: d.item}) AS rows,
     sum(CASE WHEN d.reported THEN 0 ELSE coalesce(d.amount_sek, 0) END) AS total
UNWIND rows AS r
RETURN r.date AS date, body, r.amount AS amount_sek, r.purpose AS purpose, r.reported AS reported,
       year, total AS year_total_sek, r.wording AS wording, r.protocol AS protocol, r.item AS item
