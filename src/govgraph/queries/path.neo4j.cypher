// name: path
// description: How two people, bodies, organisations or agreements are connected: the shortest
// description: chain of facts (at most 8 steps, not through documents) between the best match
// description: for A and the best match for B, one row per step with its protocol, item and quote.
// param: a SEARCH — the first person, body, organisation or agreement (name or part of it)
// param: b SEARCH — the second one
// suggest: Person.name, Body.name, Organization.name, Agreement.name
// order: step
// example: govgraph ask path "Ingmar Ångman" "Marie Gustafsson"
// example: govgraph ask path NSPH "Specifikt samverkansråd"
// no_rows: found "$a_name" and "$b_name", but no connection between them within 8 steps
// Step 1 resolves the endpoints: among the nodes whose name or alias contains the text, the
// shortest name wins. Step 2 gets their ids as $a_id and $b_id (their names, $a_name and
// $b_name, are for the no_rows message).
WITH $a AS at, $b AS bt
MATCH (x:Person|Body|Organization|Agreement)
WHERE x.name =~ at OR any(v IN x.aliases WHERE v =~ at)
WITH x, bt ORDER BY size(x.name), x.name LIMIT 1
MATCH (y:Person|Body|Organization|Agreement)
WHERE (y.name =~ bt OR any(v IN y.aliases WHERE v =~ bt)) AND y.id <> x.id
WITH x, y ORDER BY size(y.name), y.name LIMIT 1
RETURN x.id AS a_id, y.id AS b_id, x.name AS a_name, y.name AS b_name
;
MATCH (a:Person|Body|Organization|Agreement {id: $a_id}), (b:Person|Body|Organization|Agreement {id: $b_id})
MATCH p = shortestPath((a)-[:HELD|HAS_ITEM|RESULTED_IN|DECIDED|CONCERNS|ASSIGNED_TO|ATTENDED|OFFICER_OF|HOLDS|OF|MEMBER_OF|REPRESENTS|PART_OF|PARTY_TO|PRESENTED|APPROVED|RECOMMENDED|REJECTED|ESTABLISHED|DISSOLVED|TABLED|REFERRED_BACK|NOTED|MANDATED|ALLOCATED|APPOINTED*..8]-(b))
UNWIND range(0, length(p) - 1) AS i
WITH p, i, nodes(p)[i] AS x, relationships(p)[i] AS r, nodes(p)[i + 1] AS y
OPTIONAL MATCH (doc:Document {id: r.source})
RETURN i + 1 AS step, labels(x)[0] AS from_label, coalesce(x.name, x.subject, x.title, x.id) AS `from`,
       CASE WHEN startNode(r) = x THEN type(r) + ' →' ELSE '← ' + type(r) END AS relation,
       labels(y)[0] AS to_label, coalesce(y.name, y.subject, y.title, y.id) AS `to`,
       coalesce(r.date, r.first_seen) AS date, doc.name AS protocol, r.item AS item, r.quote AS quote
