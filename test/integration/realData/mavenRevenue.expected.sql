-- Expected figures of mavenRevenue.test.ts, computed from the raw CSVs without Clientele's code.
-- Run in the dataset's folder: sqlite3 :memory: < mavenRevenue.expected.sql
-- Booked revenue = close_value of Won rows (whole dollars), per product; the pipeline's `GTXPro`
-- is products.csv's `GTX Pro`, so products are joined on their names without spaces. The region
-- is the agent's regional office in sales_teams.csv; the quarter is the close date's.
.import --csv sales_pipeline.csv pipeline
.import --csv products.csv products
.import --csv sales_teams.csv teams
.mode json
WITH won AS (
  SELECT pr.product, t.regional_office AS region, CAST(p.close_value AS INTEGER) AS close_value,
         substr(p.close_date, 1, 4) || '-Q' || ((CAST(substr(p.close_date, 6, 2) AS INTEGER) + 2) / 3) AS quarter
  FROM pipeline p
  JOIN products pr ON replace(pr.product, ' ', '') = replace(p.product, ' ', '')
  JOIN teams t ON t.sales_agent = p.sales_agent
  WHERE p.deal_stage = 'Won'
)
SELECT 'product' AS grouping, product AS key, count(*) AS orders, sum(close_value) AS revenue
  FROM won GROUP BY product
UNION ALL
SELECT 'product-region', product || ' / ' || region, count(*), sum(close_value)
  FROM won GROUP BY product, region
UNION ALL
SELECT 'quarter', quarter, count(*), sum(close_value) FROM won GROUP BY quarter
ORDER BY 1, 2;
