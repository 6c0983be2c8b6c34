-- The web console pages through discrepancies and the audit log by keyset: (sort column, id) after a
-- cursor, newest first by default, with filters. These indexes keep a page a short index range scan at
-- 100,000 discrepancies whatever the page's depth (see DiscrepancyRepository.page).
CREATE INDEX parity_discrepancy_last_seen ON parity_discrepancy (last_seen, id);
CREATE INDEX parity_discrepancy_table_id ON parity_discrepancy (table_name, id);
CREATE INDEX parity_discrepancy_status_id ON parity_discrepancy (status, id);
CREATE INDEX parity_discrepancy_type_id ON parity_discrepancy (discrepancy_type, id);
CREATE INDEX parity_observation_discrepancy ON parity_observation (discrepancy_id, observed_at);
CREATE INDEX parity_audit_discrepancy ON parity_audit (discrepancy_id, id);
