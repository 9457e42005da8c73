-- Row and ticket counts of helpdeskReplay.test.ts, computed from the raw CSV without Clientele's
-- code. Run in the dataset's folder: sqlite3 :memory: < helpdesk.expected.sql
-- (The event counts follow the Ticket rules, so they are not a query over the file.)
CREATE TABLE log (case_id, activity, resource, completed_at, variant, variant_index, variant_2,
  seriousness, customer, product, responsible_section, seriousness_2, service_level, service_type,
  support_section, workgroup);
.import --csv --skip 1 finale.csv log
.mode json
SELECT count(*) AS rows, count(DISTINCT case_id) AS tickets FROM log;
