-- Expected figures of olist.test.ts, computed from the raw CSVs without Clientele's code.
-- Run in the dataset's folder: sqlite3 :memory: < olist.expected.sql
-- Origin per mql_id (an empty origin counted as 'unknown'); closed deals joined to their MQL.
.import --csv olist_marketing_qualified_leads_dataset.csv mqls
.import --csv olist_closed_deals_dataset.csv deals
CREATE INDEX deals_by_mql ON deals (mql_id);
.mode json
WITH leads AS (
  SELECT m.mql_id, CASE WHEN m.origin = '' THEN 'unknown' ELSE m.origin END AS origin,
         (SELECT count(*) FROM deals d WHERE d.mql_id = m.mql_id) AS deals
  FROM mqls m
),
grouped AS (
  SELECT origin AS key, deals FROM leads
  UNION ALL SELECT 'all', deals FROM leads
)
SELECT key, sum(deals) AS deals, count(*) AS mqls FROM grouped GROUP BY key ORDER BY key;
