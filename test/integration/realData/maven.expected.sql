-- Expected figures of maven.test.ts, computed from the raw CSVs without Clientele's code.
-- Run in the dataset's folder: sqlite3 :memory: < maven.expected.sql
-- Won and Lost rows of the pipeline; won revenue = sum of close_value of Won rows (whole dollars);
-- agent -> manager and regional office from sales_teams.csv; quarter from close_date.
.import --csv sales_pipeline.csv pipeline
.import --csv sales_teams.csv teams
.mode json
WITH closed AS (
  SELECT p.sales_agent, t.manager, t.regional_office, p.deal_stage,
         CAST(p.close_value AS INTEGER) AS close_value,
         substr(p.close_date, 1, 4) || '-Q' || ((CAST(substr(p.close_date, 6, 2) AS INTEGER) + 2) / 3) AS quarter
  FROM pipeline p JOIN teams t ON t.sales_agent = p.sales_agent
  WHERE p.deal_stage IN ('Won', 'Lost')
),
grouped AS (
  SELECT 'rep' AS grouping, lower(replace(sales_agent, ' ', '-')) AS key, deal_stage, close_value FROM closed
  UNION ALL SELECT 'manager', lower(replace(manager, ' ', '-')), deal_stage, close_value FROM closed
  UNION ALL SELECT 'office', lower(regional_office), deal_stage, close_value FROM closed
  UNION ALL SELECT 'quarter', quarter, deal_stage, close_value FROM closed
  UNION ALL SELECT 'all', 'all', deal_stage, close_value FROM closed
)
SELECT grouping, key,
       sum(deal_stage = 'Won') AS won,
       sum(deal_stage = 'Lost') AS lost,
       sum(CASE WHEN deal_stage = 'Won' THEN close_value ELSE 0 END) AS revenue
FROM grouped GROUP BY grouping, key ORDER BY grouping, key;
