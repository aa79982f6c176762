-- The views of a provenance database (created by provenance.Store; see schemas/store.md).
-- Each view follows a "-- view: NAME" line.

-- view: chains
-- One row per attribution: publisher → intermediaries → origin, and where it was said.
SELECT
  a.id AS attribution_id,
  a.article_id,
  ar.title AS article_title,
  ar.url AS article_url,
  pub.name AS publisher,
  pub.name_en AS publisher_en,
  (SELECT group_concat(name, ' ← ') FROM (
     SELECT s.name FROM chain_links l JOIN sources s ON s.id = l.source_id
     WHERE l.attribution_id = a.id AND l.role = 'intermediary' ORDER BY l.position)) AS intermediaries,
  a.hops,
  (SELECT max(l.inherited) FROM chain_links l WHERE l.attribution_id = a.id) AS inherited,
  o.name AS origin,
  a.source_kind AS origin_kind,
  a.anonymous_type,
  a.path,
  a.cue,
  a.content,
  a.direct,
  a.sentence
FROM attributions a
JOIN articles ar ON ar.id = a.article_id
LEFT JOIN sources pub ON pub.id = ar.publisher_id
LEFT JOIN sources o ON o.id = a.source_id;

-- view: outlet_sources
-- Who cites whom: per publisher, each source or intermediary it names, and how often.
SELECT
  p.name AS publisher,
  s.name AS cited,
  s.name_en AS cited_en,
  s.kind AS cited_kind,
  l.role,
  count(*) AS attributions,
  count(DISTINCT a.article_id) AS articles
FROM chain_links l
JOIN attributions a ON a.id = l.attribution_id
JOIN articles ar ON ar.id = a.article_id
JOIN sources p ON p.id = ar.publisher_id
JOIN sources s ON s.id = l.source_id
WHERE l.role != 'publisher'
GROUP BY p.id, s.id, l.role;

-- view: anonymous_share
-- Per publisher: how many attributions, how many to anonymous sources, and the share.
SELECT
  p.name AS publisher,
  p.name_en AS publisher_en,
  count(DISTINCT ar.id) AS articles,
  count(a.id) AS attributions,
  sum(a.source_kind = 'anonymous') AS anonymous,
  round(1.0 * sum(a.source_kind = 'anonymous') / count(a.id), 3) AS share
FROM articles ar
JOIN sources p ON p.id = ar.publisher_id
JOIN attributions a ON a.article_id = ar.id
GROUP BY p.id;

-- view: wire_dependence
-- Per publisher: attributions whose chain reaches a wire agency, as origin or through
-- intermediaries, credited in the sentence or inherited from an article-wide credit.
-- The chain is walked link by link, publisher side first (a recursive CTE).
SELECT
  p.name AS publisher,
  p.name_en AS publisher_en,
  count(*) AS attributions,
  sum(w.reaches_wire) AS reach_wire,
  sum(w.wire_origin) AS wire_as_origin,
  sum(w.wire_between) AS wire_as_intermediary,
  sum(w.wire_inherited) AS wire_inherited,
  round(1.0 * sum(w.reaches_wire) / count(*), 3) AS share
FROM (
  WITH RECURSIVE walk(attribution_id, position, reaches, origin, between_, inherited) AS (
    SELECT l.attribution_id, l.position,
           s.kind = 'wire_agency' AND l.role != 'publisher',
           s.kind = 'wire_agency' AND l.role = 'origin',
           s.kind = 'wire_agency' AND l.role = 'intermediary' AND NOT l.inherited,
           s.kind = 'wire_agency' AND l.role = 'intermediary' AND l.inherited
    FROM chain_links l JOIN sources s ON s.id = l.source_id
    WHERE l.position = (SELECT min(position) FROM chain_links m WHERE m.attribution_id = l.attribution_id)
    UNION ALL
    SELECT w.attribution_id, l.position,
           w.reaches OR (s.kind = 'wire_agency'),
           w.origin OR (s.kind = 'wire_agency' AND l.role = 'origin'),
           w.between_ OR (s.kind = 'wire_agency' AND l.role = 'intermediary' AND NOT l.inherited),
           w.inherited OR (s.kind = 'wire_agency' AND l.role = 'intermediary' AND l.inherited)
    FROM walk w
    JOIN chain_links l ON l.attribution_id = w.attribution_id AND l.position = w.position + 1
    JOIN sources s ON s.id = l.source_id
  )
  SELECT attribution_id, max(reaches) AS reaches_wire, max(origin) AS wire_origin,
         max(between_) AS wire_between, max(inherited) AS wire_inherited
  FROM walk GROUP BY attribution_id
) w
JOIN attributions a ON a.id = w.attribution_id
JOIN articles ar ON ar.id = a.article_id
JOIN sources p ON p.id = ar.publisher_id
GROUP BY p.id;

-- view: wire_reuse
-- The outlet × wire-agency matrix of reuse: per publisher of a reusing article and origin
-- source of the passage (a wire agency, or the outlet that published it first), how many
-- passages and articles carry that source's copy, credited and uncredited. Cross-outlet reuse
-- only; the origin's own copy is not counted.
SELECT
  pub.name AS outlet,
  pub.name_en AS outlet_en,
  src.name AS source,
  src.name_en AS source_en,
  src.kind AS source_kind,
  pub.id AS outlet_id,
  src.id AS source_id,
  count(*) AS passages,
  count(DISTINCT p.article_id) AS articles,
  sum(p.credit = 'credited') AS credited,
  sum(p.credit = 'uncredited') AS uncredited,
  count(DISTINCT CASE WHEN p.credit = 'uncredited' THEN p.article_id END) AS uncredited_articles,
  round(1.0 * sum(p.credit = 'uncredited') / count(*), 3) AS uncredited_share
FROM passages p
JOIN reuse_clusters c ON c.id = p.cluster_id
JOIN sources src ON src.id = c.source_id
JOIN articles ar ON ar.id = p.article_id
LEFT JOIN sources pub ON pub.id = ar.publisher_id
WHERE p.credit != 'origin'
GROUP BY pub.id, src.id;

-- view: article_reuse
-- Per article: its words, the words of its text found in other outlets' articles (as origin
-- or copy), the share that is copy (not the article's own origin text), a METER-style
-- derivation (wholly: 80% or more; partially; non-derived) and from whom.
SELECT
  article_id, title, publisher, words, reused_words, copied_words,
  round(1.0 * copied_words / max(words, 1), 3) AS share,
  CASE
    WHEN 1.0 * copied_words / max(words, 1) >= 0.8 THEN 'wholly'
    WHEN copied_words > 0 THEN 'partially'
    ELSE 'non-derived'
  END AS derivation,
  passages, credited, uncredited, sources
FROM (
  SELECT
    ar.id AS article_id,
    ar.title,
    pub.name AS publisher,
    ri.words,
    coalesce(sum(p.words), 0) AS reused_words,
    coalesce(sum(CASE WHEN p.credit != 'origin' THEN p.words END), 0) AS copied_words,
    count(p.id) AS passages,
    sum(p.credit = 'credited') AS credited,
    sum(p.credit = 'uncredited') AS uncredited,
    group_concat(DISTINCT src.name) AS sources
  FROM articles ar
  JOIN reuse_index ri ON ri.article_id = ar.id
  LEFT JOIN sources pub ON pub.id = ar.publisher_id
  LEFT JOIN passages p ON p.article_id = ar.id
  LEFT JOIN reuse_clusters c ON c.id = p.cluster_id
  LEFT JOIN sources src ON src.id = c.source_id
  GROUP BY ar.id
);
